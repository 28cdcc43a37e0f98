/*
 * ParallaxModel: turns a "parallax/1" report (from the engine) into the view model the renderer
 * draws. Pure functions, no DOM (classic script, global).
 *
 *   var model = ParallaxModel.build(report);   // throws Error{code:'bad_report'} on a wrong schema
 *   model.articles[i].paragraphs[j].segments   // [{text, sentence?}] covering the paragraph text
 *
 * Everything from the report is treated as untrusted data: indexes are range-checked, strings are
 * coerced, and missing arrays are treated as empty.
 */
'use strict';

var ParallaxModel = (function () {
  var SCHEMA = 'parallax/1';
  var KINDS = { paragraph: 1, heading: 1, list_item: 1, table: 1, quote: 1, boilerplate: 1 };

  function str(value) {
    return value === undefined || value === null ? '' : String(value);
  }
  function arr(value) {
    return Array.isArray(value) ? value : [];
  }
  function int(value) {
    var n = Number(value);
    return Number.isInteger(n) ? n : -1;
  }

  /**
   * Splits a paragraph's text into runs of plain text and sentences, in order, covering the text
   * exactly. Sentence offsets may be absolute (article text) or relative to the paragraph, in UTF-16
   * units or bytes: each sentence is checked against its offsets, else searched after the previous one.
   */
  function segmentParagraph(text, paragraphStart, sentences) {
    var segments = [];
    if (!text) {
      // No paragraph text: show the sentences themselves.
      sentences.forEach(function (sentence, i) {
        if (i > 0) segments.push({ text: ' ' });
        segments.push({ text: sentence.text, sentence: sentence });
      });
      return segments;
    }
    var cursor = 0;
    sentences.forEach(function (sentence) {
      var s = sentence.text;
      if (!s) return;
      var at = -1;
      var candidates = [sentence.start - paragraphStart, sentence.start];
      for (var i = 0; i < candidates.length && at < 0; i++) {
        var c = candidates[i];
        if (c >= cursor && text.slice(c, c + s.length) === s) at = c;
      }
      if (at < 0) at = text.indexOf(s, cursor);
      // A sentence whose text is not in the paragraph is left unmarked: the paragraph text is
      // what the reader sees, and it is never altered or duplicated.
      if (at < 0) return;
      if (at > cursor) segments.push({ text: text.slice(cursor, at) });
      segments.push({ text: s, sentence: sentence });
      cursor = at + s.length;
    });
    if (cursor < text.length) segments.push({ text: text.slice(cursor) });
    return segments;
  }

  function paragraphKey(article, paragraph) {
    return article + ':' + paragraph;
  }

  /**
   * Display rows: `cells[article]` lists the paragraphs shown in that row's cell. Runs of
   * consecutive rows that hold only boilerplate (a table of contents, a footer menu) are stacked
   * into one row, so collapsed furniture does not stretch the page; each article's paragraphs
   * keep their order inside a stack.
   */
  function stackBoilerplateRows(rows, articles) {
    function onlyBoilerplate(row) {
      return row.members.every(function (m) { return articles[m.article].paragraphs[m.paragraph].boilerplate; });
    }
    var out = [];
    rows.forEach(function (row) {
      var furniture = onlyBoilerplate(row);
      var last = out[out.length - 1];
      if (!(furniture && last && last.boilerplate)) {
        last = { members: [], cells: {}, boilerplate: furniture };
        out.push(last);
      }
      row.members.forEach(function (m) {
        last.members.push(m);
        (last.cells[m.article] = last.cells[m.article] || []).push(m.paragraph);
      });
    });
    return out;
  }

  /** Builds the view model. Throws an Error with code 'bad_report' if `report` is not parallax/1. */
  function build(report) {
    if (!report || typeof report !== 'object' || report.schema !== SCHEMA) {
      var error = new Error('The engine returned an unexpected report (schema ' +
        str(report && report.schema) + ', expected ' + SCHEMA + ').');
      error.code = 'bad_report';
      throw error;
    }

    var claims = arr(report.claims).map(function (c, index) {
      return {
        index: index,
        id: str(c && c.id) || 'c' + index,
        label: str(c && c.label),
        support: Math.max(0, Number(c && c.support) || 0),
        // Sources left once verbatim copies count as one (older reports lack it: = support).
        independent: Math.max(0, Number(c && (c.independent !== undefined ? c.independent : c.support)) || 0),
        members: arr(c && c.members),
      };
    });

    // Passages copied word for word, per article: [{start, end, partner}] (byte offsets).
    var copied = {};
    arr(report.reuse).forEach(function (r) {
      if (!r || !r.a || !r.b) return;
      [[r.a, r.b], [r.b, r.a]].forEach(function (pair) {
        var side = pair[0];
        var list = copied[int(side.article)] = copied[int(side.article)] || [];
        list.push({ start: Number(side.start) || 0, end: Number(side.end) || 0, partner: int(pair[1].article) });
      });
    });
    // Articles whose copied passage covers at least 80% of the sentence's bytes.
    function copiedFrom(article, start, end) {
      var partners = [];
      (copied[article] || []).forEach(function (c) {
        var overlap = Math.min(end, c.end) - Math.max(start, c.start);
        if (end > start && overlap * 5 >= (end - start) * 4 && partners.indexOf(c.partner) < 0) partners.push(c.partner);
      });
      return partners.sort(function (x, y) { return x - y; });
    }

    var articles = arr(report.articles).map(function (a, ai) {
      a = a || {};
      var paragraphs = arr(a.paragraphs).map(function (p, pi) {
        p = p || {};
        var text = str(p.text);
        var start = Number(p.start) || 0;
        var kind = KINDS[p.kind] ? p.kind : 'paragraph';
        var sentences = arr(p.sentences).map(function (s, si) {
          s = s || {};
          var claimIndexes = arr(s.claims).map(int).filter(function (c) { return c >= 0 && c < claims.length; });
          var shared = claimIndexes.filter(function (c) { return claims[c].support >= 2; });
          var primary = -1;
          shared.forEach(function (c) { if (primary < 0 || claims[c].support > claims[primary].support) primary = c; });
          return {
            index: si,
            text: str(s.text),
            start: Number(s.start) || 0,
            claims: claimIndexes,
            sharedClaims: shared,
            primaryClaim: primary,
            support: primary >= 0 ? claims[primary].support : 0,
            independent: primary >= 0 ? claims[primary].independent : 0,
            verbatimWith: copiedFrom(ai, Number(s.start) || 0, Number(s.end) || 0),
          };
        });
        return {
          index: pi,
          article: ai,
          kind: kind === 'boilerplate' ? 'paragraph' : kind,
          boilerplate: kind === 'boilerplate' || p.boilerplate === true,
          reason: str(p.reason || p.boilerplate_reason),
          text: text,
          sentences: sentences,
          segments: segmentParagraph(text, start, sentences),
          shared: sentences.some(function (s) { return s.support >= 2; }),
          links: [],
        };
      });
      var name = str(a.name) || 'article ' + (ai + 1);
      return {
        index: ai,
        id: str(a.id) || 'a' + ai,
        name: name,
        source: str(a.source) || name,
        title: str(a.title),
        url: str(a.url),
        published: str(a.published),
        format: str(a.format),
        encoding: str(a.encoding),
        paragraphs: paragraphs,
      };
    });

    function valid(ref) {
      var a = int(ref && ref.article);
      var p = int(ref && ref.paragraph);
      return a >= 0 && a < articles.length && p >= 0 && p < articles[a].paragraphs.length ? { article: a, paragraph: p } : null;
    }

    // Rows: keep valid members, at most one paragraph per article, each paragraph once.
    var seen = {};
    var rows = [];
    arr(report.rows).forEach(function (row) {
      var members = [];
      var used = {};
      arr(row && row.members).forEach(function (m) {
        var ref = valid(m);
        if (!ref || used[ref.article] || seen[paragraphKey(ref.article, ref.paragraph)]) return;
        used[ref.article] = true;
        seen[paragraphKey(ref.article, ref.paragraph)] = true;
        members.push(ref);
      });
      if (members.length) rows.push({ members: members });
    });
    // Defensive: a paragraph missing from every row still gets shown, in a row of its own.
    articles.forEach(function (a) {
      a.paragraphs.forEach(function (p) {
        if (!seen[paragraphKey(a.index, p.index)]) rows.push({ members: [{ article: a.index, paragraph: p.index }] });
      });
    });
    rows = stackBoilerplateRows(rows, articles);

    var links = [];
    arr(report.links).forEach(function (l) {
      var from = valid(l && l.a);
      var to = valid(l && l.b);
      if (!from || !to || from.article === to.article) return;
      var score = Number(l.score) || 0;
      links.push({ a: from, b: to, score: score });
      articles[from.article].paragraphs[from.paragraph].links.push({ article: to.article, paragraph: to.paragraph, score: score });
      articles[to.article].paragraphs[to.paragraph].links.push({ article: from.article, paragraph: from.paragraph, score: score });
    });

    var notices = arr(report.notices).map(function (n) {
      return {
        file: str(n && n.file),
        code: str(n && n.code),
        severity: n && n.severity === 'error' ? 'error' : 'warning',
        message: str(n && n.message),
      };
    });

    var shared = claims.filter(function (c) { return c.support >= 2; });
    return {
      schema: SCHEMA,
      version: str(report.version),
      articles: articles,
      claims: claims,
      rows: rows,
      links: links,
      notices: notices,
      contradictions: arr(report.contradictions),
      stance: arr(report.stance),
      stats: {
        articles: articles.length,
        paragraphs: articles.reduce(function (n, a) { return n + a.paragraphs.length; }, 0),
        rows: rows.length,
        alignedRows: rows.filter(function (r) { return !r.boilerplate && r.members.length > 1; }).length,
        claims: claims.length,
        sharedClaims: shared.length,
        maxSupport: shared.reduce(function (m, c) { return Math.max(m, c.support); }, 0),
      },
    };
  }

  /** Notices that belong to an input file name (exact, or "name#2" for the 2nd article of a JSON array). */
  function noticesForFile(notices, fileName) {
    return notices.filter(function (n) {
      return n.file === fileName || n.file.split('#')[0] === fileName;
    });
  }

  return { SCHEMA: SCHEMA, build: build, segmentParagraph: segmentParagraph, noticesForFile: noticesForFile };
})();

if (typeof module === 'object' && module.exports) module.exports = ParallaxModel;
