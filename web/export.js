/*
 * ParallaxExport: what the viewer hands out (classic script, global; no DOM needed except download()).
 *
 *   ParallaxExport.json(report)        -> the parallax/1 document as text (2-space indented)
 *   ParallaxExport.csv(model)          -> coverage matrix: one row per claim, one column per source
 *   ParallaxExport.html(model, report) -> a self-contained HTML report: one file, no script, no
 *                                         external resource, prints well (its own print rules)
 *   ParallaxExport.download(name, text, type)  saves through an <a download> (no network)
 *
 * Every string from an article is escaped (escapeHtml) before it goes into the report markup.
 */
'use strict';

var ParallaxExport = (function () {
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function csvField(value) {
    var s = String(value === undefined || value === null ? '' : value);
    // A leading = + - @ would be a formula in a spreadsheet: prefix it so it stays text.
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function json(report) {
    return JSON.stringify(report, null, 2) + '\n';
  }

  /** Claims sorted by support (then independent sources, then index), as the matrix shows them. */
  function sortedClaims(model) {
    return model.claims.slice().sort(function (x, y) {
      return y.support - x.support || y.independent - x.independent || x.index - y.index;
    });
  }

  function csv(model) {
    var header = ['claim', 'label', 'support', 'independent', 'contested'].concat(model.articles.map(function (a) { return a.source; }));
    var lines = [header.map(csvField).join(',')];
    sortedClaims(model).forEach(function (c) {
      var present = {};
      c.members.forEach(function (m) { present[m.article] = true; });
      lines.push([c.id, c.label, c.support, c.independent, c.contested.length ? 1 : 0]
        .concat(model.articles.map(function (a) { return present[a.index] ? 1 : 0; })).map(csvField).join(','));
    });
    return lines.join('\r\n') + '\r\n';
  }

  var REPORT_CSS = [
    'body{font:14px/1.5 Georgia,"Times New Roman",serif;color:#1c1d1f;margin:24px;max-width:1200px}',
    'h1,h2,h3{font-family:system-ui,Arial,sans-serif}h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #999}',
    'table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top;text-align:left}',
    'th{font-family:system-ui,Arial,sans-serif;font-size:12px;background:#f1f0ec}',
    '.yes{text-align:center}.no{text-align:center;color:#999}.meta{color:#555;font-size:12px;font-family:system-ui,Arial,sans-serif}',
    '.sh{background:#d6ecfa}.all{background:#c6eddf}.ct{background:#fdecec}.tag{font:600 10px system-ui,Arial,sans-serif;border:1px solid;border-radius:6px;padding:0 3px;margin-left:3px}',
    '.cols{display:grid;gap:12px}.col{border:1px solid #ccc;padding:8px;break-inside:avoid}.bp{color:#777;font-size:12px}',
    '@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr,.col{break-inside:avoid}a{color:inherit;text-decoration:none}}',
  ].join('\n');

  function html(model, report) {
    var out = [];
    var title = 'Parallax comparison: ' + model.articles.map(function (a) { return a.source; }).join(', ');
    out.push('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">');
    out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
    out.push('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'">');
    out.push('<title>' + escapeHtml(title) + '</title><style>' + REPORT_CSS + '</style></head><body>');
    out.push('<h1>' + escapeHtml(title) + '</h1>');
    out.push('<p class="meta">' + model.articles.length + ' articles · ' + model.stats.sharedClaims + ' shared claims · ' +
      'schema ' + escapeHtml(model.schema) + ' · engine ' + escapeHtml(model.version) +
      (report && report.matcher ? ' · matcher ' + escapeHtml(report.matcher) : '') + '</p>');

    out.push('<h2>Sources</h2><table><thead><tr><th>#</th><th>Source</th><th>Title</th><th>Date</th><th>File</th></tr></thead><tbody>');
    model.articles.forEach(function (a) {
      out.push('<tr><td>' + (a.index + 1) + '</td><td>' + escapeHtml(a.source) + '</td><td>' + escapeHtml(a.title) + '</td><td>' +
        escapeHtml(a.published) + '</td><td>' + escapeHtml(a.name) + '</td></tr>');
    });
    out.push('</tbody></table>');

    out.push('<h2>Coverage</h2><table><thead><tr><th>Claim</th><th>Sources</th>');
    model.articles.forEach(function (a) { out.push('<th>' + escapeHtml(a.source) + '</th>'); });
    out.push('</tr></thead><tbody>');
    sortedClaims(model).filter(function (c) { return c.support >= 2; }).forEach(function (c) {
      var present = {};
      c.members.forEach(function (m) { present[m.article] = true; });
      out.push('<tr><td>' + escapeHtml(c.label) + (c.contested.length ? '<span class="tag">contested</span>' : '') + '</td><td>' + c.support +
        (c.independent < c.support ? ' (' + c.independent + ' independent)' : '') + '</td>');
      model.articles.forEach(function (a) {
        out.push(present[a.index] ? '<td class="yes">● yes</td>' : '<td class="no">–</td>');
      });
      out.push('</tr>');
    });
    out.push('</tbody></table>');

    if (model.contradictions.length) {
      out.push('<h2>Contradictions</h2><table><thead><tr><th>Kind</th><th>Subject</th><th>Source A</th><th>Source B</th><th>Note</th><th>Confidence</th></tr></thead><tbody>');
      model.contradictions.forEach(function (x) {
        function side(s) {
          return '<strong>' + escapeHtml(model.articles[s.article].source) + ':</strong> ' + escapeHtml(s.display) +
            '<br><span class="meta">' + escapeHtml(s.sentenceText) + '</span>';
        }
        out.push('<tr><td>' + escapeHtml(x.kind) + '</td><td>' + escapeHtml(x.subject) + '</td><td>' + side(x.a) + '</td><td>' + side(x.b) +
          '</td><td>' + escapeHtml(x.note) + '</td><td>' + Math.round(x.confidence * 100) + '%' + (x.shown ? '' : ' (low)') + '</td></tr>');
      });
      out.push('</tbody></table>');
    }

    if (model.stance.length) {
      out.push('<h2>Stance</h2><table><thead><tr><th>Source</th><th>Tone</th><th>Subjectivity</th><th>Hedging</th><th>Quoted or cited</th><th>Towards</th></tr></thead><tbody>');
      model.stance.forEach(function (st) {
        out.push('<tr><td>' + escapeHtml(model.articles[st.article].source) + '</td><td>' + st.tone.score.toFixed(2) + '</td><td>' +
          Math.round(st.subjectivity.score * 100) + '%</td><td>' + st.hedging.score.toFixed(2) + '</td><td>' +
          escapeHtml(st.attribution.map(function (a) { return a.source + ' ×' + a.count; }).join(', ')) + '</td><td>' +
          escapeHtml(st.targets.map(function (t) { return t.name + ' ' + t.score.toFixed(2); }).join(', ')) + '</td></tr>');
      });
      out.push('</tbody></table>');
    }

    out.push('<h2>Articles</h2><p class="meta">Highlighted: shared with other sources (green: all of them). Boilerplate in grey.</p>');
    model.articles.forEach(function (a) {
      out.push('<div class="col"><h3>' + escapeHtml(a.source) + (a.title ? ' — ' + escapeHtml(a.title) : '') + '</h3>');
      a.paragraphs.forEach(function (p) {
        if (p.boilerplate) {
          out.push('<p class="bp">[boilerplate' + (p.reason ? ': ' + escapeHtml(p.reason) : '') + '] ' + escapeHtml(p.text) + '</p>');
          return;
        }
        var parts = p.segments.map(function (seg) {
          var s = seg.sentence;
          if (!s) return escapeHtml(seg.text);
          var cls = s.contested.length ? 'ct' : s.sharedByAll ? 'all' : s.support >= 2 ? 'sh' : '';
          var tag = s.support >= 2 ? '<span class="tag">×' + s.support + '</span>' : '';
          if (s.contested.length) tag += '<span class="tag">contested</span>';
          return cls ? '<span class="' + cls + '">' + escapeHtml(seg.text) + '</span>' + tag : escapeHtml(seg.text);
        });
        out.push('<p>' + parts.join('') + '</p>');
      });
      out.push('</div>');
    });
    out.push('<p class="meta">Made with Parallax. This file needs no network and runs no script.</p></body></html>\n');
    return out.join('\n');
  }

  /** Saves text as a file through an <a download> element (no network request). */
  function download(name, text, type) {
    var blob = new Blob([text], { type: type || 'application/octet-stream' });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  return { json: json, csv: csv, html: html, download: download, escapeHtml: escapeHtml, csvField: csvField };
})();

if (typeof module === 'object' && module.exports) module.exports = ParallaxExport;
