/*
 * ParallaxModel: turns a "parallax/1" report (from the engine) into the view model the renderer
 * draws. Pure functions, no DOM (classic script, global).
 *
 *   var model = ParallaxModel.build(report);   // throws Error{code:'bad_report'} on a wrong schema
 *   model.articles[i].paragraphs[j].segments   // [{text, sentence?}] covering the paragraph text
 *
 * A report with no rows at all (the "segmented" stage of a streamed comparison, docs/viewer.md
 * "Streaming") gets provisional rows: paragraph i of every article in row i.
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

  /**
   * A Markdown heading's leading "## " stays in the text (the reader sees the source as it is) but
   * becomes its own segment, marked `markup`, so that the view can render it quietly and the
   * sentence's highlight starts at its first word.
   */
  function markHeadingMarkup(segments) {
    for (var i = 0; i < segments.length; i++) {
      var seg = segments[i];
      if (!seg.sentence) continue;
      var m = /^#{1,6}[ \t]+/.exec(seg.text);
      if (m && m[0].length < seg.text.length) {
        segments.splice(i, 1, { text: m[0], markup: true }, { text: seg.text.slice(m[0].length), sentence: seg.sentence });
      }
      break;
    }
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
            end: Number(s.end) || 0,
            article: ai,
            paragraph: pi,
            contested: [],
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
          segments: kind === 'heading' ? markHeadingMarkup(segmentParagraph(text, start, sentences))
            : segmentParagraph(text, start, sentences),
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
    // A report without rows (the "segmented" stage of a streamed comparison, before alignment):
    // paragraphs side by side by position, so the columns read as they will once aligned.
    if (!rows.length) {
      var depth = articles.reduce(function (n, a) { return Math.max(n, a.paragraphs.length); }, 0);
      for (var position = 0; position < depth; position++) {
        var side = [];
        articles.forEach(function (a) {
          if (position >= a.paragraphs.length) return;
          side.push({ article: a.index, paragraph: position });
          seen[paragraphKey(a.index, position)] = true;
        });
        rows.push({ members: side });
      }
    }
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
    var divergence = buildDivergence(report, articles, claims);
    // Member scores and "contested" marks on the sentences themselves.
    claims.forEach(function (c) {
      c.members = c.members.map(function (m) {
        return { article: int(m && m.article), paragraph: int(m && m.paragraph), sentence: int(m && m.sentence),
          score: Math.max(0, Math.min(1, Number(m && m.score) || 0)) };
      }).filter(function (m) { return !!sentenceAt(articles, m); });
      c.contested = [];
    });
    // Only contradictions shown by default mark sentences as contested (a false alarm costs trust).
    divergence.contradictions.forEach(function (x) {
      if (!x.shown) return;
      [x.a, x.b].forEach(function (ref) {
        var s = sentenceAt(articles, ref);
        if (s && s.contested.indexOf(x.index) < 0) s.contested.push(x.index);
      });
      if (x.claim >= 0 && x.claim < claims.length) claims[x.claim].contested.push(x.index);
    });
    articles.forEach(function (a) {
      a.paragraphs.forEach(function (p) {
        p.sentences.forEach(function (s) {
          s.sharedByAll = articles.length > 1 && s.support >= articles.length;
          // Only what makes a claim can be "only here": bylines, section headings, list intros
          // and table header rows have no claim at all (their `claims` are empty).
          s.unique = s.sharedClaims.length === 0 && s.claims.length > 0 && !p.boilerplate;
        });
        p.contested = p.sentences.some(function (s) { return s.contested.length > 0; });
      });
    });
    return {
      schema: SCHEMA,
      version: str(report.version),
      matcher: str(report.matcher),
      articles: articles,
      claims: claims,
      rows: rows,
      links: links,
      notices: notices,
      contradictions: divergence.contradictions,
      omissions: divergence.omissions,
      actors: divergence.actors,
      stance: divergence.stance,
      facts: divergence.facts,
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

  function sentenceAt(articles, ref) {
    if (!ref) return null;
    var a = articles[int(ref.article)];
    var p = a && a.paragraphs[int(ref.paragraph)];
    return (p && p.sentences[int(ref.sentence)]) || null;
  }

  function num(value, lo, hi, fallback) {
    var n = Number(value);
    if (!isFinite(n)) return fallback;
    return Math.max(lo, Math.min(hi, n));
  }

  /** A sentence reference that points at a real sentence, or null. */
  function sentenceRef(articles, ref) {
    var s = sentenceAt(articles, ref);
    return s ? { article: s.article, paragraph: s.paragraph, sentence: s.index, score: num(ref.score, -1, 1, 0) } : null;
  }
  function refs(articles, list) {
    return arr(list).map(function (r) { return sentenceRef(articles, r); }).filter(Boolean);
  }

  /**
   * The divergence and stance fields of the contract (contradictions, omissions, actors, stance,
   * facts), validated: entries whose references do not point at real sentences are dropped, numbers
   * are clamped to their ranges, absent fields become empty arrays.
   */
  function buildDivergence(report, articles, claims) {
    var contradictions = [];
    arr(report.contradictions).forEach(function (x) {
      if (!x || typeof x !== 'object') return;
      var sides = [x.a, x.b].map(function (side) {
        var s = sentenceAt(articles, side);
        if (!s) return null;
        var text = str(side.text) || s.text, value = str(side.value);
        // display: what a reader compares. Normalised figures and dates ("2031-08-15") read
        // well; the keys of people and places ("person:lena hask|area commander") do not, so
        // those show the phrase as written.
        var display = /^(person|place|event):/.test(value) ? text : value || text;
        return { article: s.article, paragraph: s.paragraph, sentence: s.index,
          text: text, value: value, display: display, sentenceText: s.text };
      });
      if (!sides[0] || !sides[1]) return;
      var confidence = num(x.confidence, 0, 1, 0);
      contradictions.push({
        index: contradictions.length,
        id: str(x.id) || 'x' + contradictions.length,
        kind: str(x.kind) || 'value',
        scope: x.scope === 'within' ? 'within' : 'across',
        confidence: confidence,
        shown: x.shown === undefined ? confidence >= 0.5 : x.shown === true,
        claim: int(x.claim) >= 0 && int(x.claim) < claims.length ? int(x.claim) : -1,
        subject: str(x.subject),
        note: str(x.note),
        a: sides[0],
        b: sides[1],
      });
    });
    var omissions = [];
    arr(report.omissions).forEach(function (o) {
      var a = int(o && o.article);
      if (a < 0 || a >= articles.length) return;
      var missing = arr(o.missing).map(function (m) {
        var c = int(m && m.claim);
        return c >= 0 && c < claims.length ? { claim: c, support: Math.max(0, int(m.support)) } : null;
      }).filter(Boolean);
      omissions.push({ article: a, missing: missing });
    });
    var actors = arr(report.actors).map(function (x, i) {
      x = x || {};
      return { index: i, id: str(x.id) || 'actor' + i, name: str(x.name) || 'actor ' + (i + 1),
        aliases: arr(x.aliases).map(str), articles: Math.max(0, int(x.articles)), mentions: Math.max(0, int(x.mentions)) };
    });
    var stance = [];
    arr(report.stance).forEach(function (st) {
      var a = int(st && st.article);
      if (a < 0 || a >= articles.length) return;
      var tone = st.tone || {};
      var subj = st.subjectivity || {};
      var hedge = st.hedging || {};
      stance.push({
        article: a,
        tone: { score: num(tone.score, -1, 1, 0), positive: Math.max(0, int(tone.positive)), negative: Math.max(0, int(tone.negative)),
          sentences: refs(articles, tone.sentences) },
        subjectivity: { score: num(subj.score, 0, 1, 0), sentences: refs(articles, subj.sentences),
          loaded: arr(subj.loaded).map(function (w) { return { word: str(w && w.word), count: Math.max(0, int(w && w.count)) }; })
            .filter(function (w) { return w.word; }) },
        hedging: { score: num(hedge.score, -1, 1, 0), hedges: Math.max(0, int(hedge.hedges)), boosters: Math.max(0, int(hedge.boosters)),
          sentences: refs(articles, hedge.sentences) },
        attribution: arr(st.attribution).map(function (x) {
          return { source: str(x && x.source), count: Math.max(0, int(x && x.count)), sentences: refs(articles, x && x.sentences) };
        }).filter(function (x) { return x.source; }),
        targets: arr(st.targets).map(function (t) {
          var actor = int(t && t.actor);
          return { actor: actor, name: str(t && t.name) || (actors[actor] ? actors[actor].name : ''), score: num(t && t.score, -1, 1, 0),
            mentions: Math.max(0, int(t && t.mentions)), sentences: refs(articles, t && t.sentences) };
        }).filter(function (t) { return t.name; }),
      });
    });
    var facts = arr(report.facts).filter(function (f) { return !!sentenceAt(articles, f); }).map(function (f) {
      return { article: int(f.article), paragraph: int(f.paragraph), sentence: int(f.sentence),
        kind: str(f.kind), text: str(f.text), value: str(f.value) };
    });
    return { contradictions: contradictions, omissions: omissions, actors: actors, stance: stance, facts: facts };
  }

  /** Notices that belong to an input file name (exact, or "name#2" for the 2nd article of a JSON array). */
  function noticesForFile(notices, fileName) {
    return notices.filter(function (n) {
      return n.file === fileName || n.file.split('#')[0] === fileName;
    });
  }

  return { SCHEMA: SCHEMA, build: build, sentenceAt: sentenceAt, segmentParagraph: segmentParagraph, noticesForFile: noticesForFile };
})();

if (typeof module === 'object' && module.exports) module.exports = ParallaxModel;
