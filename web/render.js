/*
 * ParallaxRender: builds DOM from the view model (web/model.js). Classic script, global.
 *
 * Every string from an article or the engine reaches the page through textContent or a DOM
 * property (title, href of an in-page anchor), never as markup. No event handlers are attached
 * here: web/app.js listens on the containers (event delegation).
 *
 *   var view = ParallaxRender.comparison(model);   // {element, sentencesByClaim: Map<claim, Element[]>}
 *   var grid = ParallaxRender.comparisonStart(model); ParallaxRender.comparisonRows(grid, 20); // in slices
 *   ParallaxRender.articleList(ul, inputs, model);
 *   ParallaxRender.notices(container, notices);   // items: fileNotice(n), resourceNotice(m), engineNotice(m)
 *   ParallaxRender.status(container, model, info);
 */
'use strict';

var ParallaxRender = (function () {
  /** Cells above this count skip the empty placeholders (many single-paragraph files). */
  var MAX_EMPTY_CELLS = 20000;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function paragraphId(article, paragraph) {
    return 'px-p-' + article + '-' + paragraph;
  }

  /** "2031-03-11T16:05:00+01:00" -> "2031-03-11 16:05"; anything else is shown as given (shortened). */
  function formatDate(value) {
    var m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(value);
    if (m) return m[2] ? m[1] + ' ' + m[2] : m[1];
    return value.length > 40 ? value.slice(0, 39) + '…' : value;
  }

  function supportClass(support) {
    return 'px-sup-' + Math.min(support, 5);
  }

  function articleHeader(article) {
    var head = el('div', 'px-col-head');
    head.style.gridColumn = String(article.index + 1);
    head.style.gridRow = '1';
    head.id = 'px-col-' + article.index;
    head.dataset.article = String(article.index);
    head.setAttribute('role', 'heading');
    head.setAttribute('aria-level', '2');
    head.appendChild(el('div', 'px-col-source', article.source));
    if (article.title) head.appendChild(el('div', 'px-col-title', article.title));
    var meta = [];
    if (article.published) meta.push(formatDate(article.published));
    if (article.format) meta.push(article.format);
    if (article.name !== article.source) meta.push(article.name);
    if (meta.length) head.appendChild(el('div', 'px-col-meta', meta.join(' · ')));
    head.title = [article.source, article.title, article.url].filter(Boolean).join('\n');
    return head;
  }

  // "Word for word also in Valley Herald, Northwire": the sources this sentence was copied with.
  function verbatimNote(s, model) {
    return 'Word for word also in ' + s.verbatimWith.map(function (a) { return model.articles[a].source; }).join(', ');
  }

  /**
   * One sentence: a span with its reference (data-ref "article:paragraph:sentence"), its claims, and
   * marks that never rely on colour alone: "✔ all N" (shared by every source), "shared ×k",
   * "⚠ contested" (part of a contradiction), "verbatim" (copied word for word). Sentences only
   * one source makes carry no colour; screen readers hear "only in this source".
   */
  function sentenceNode(segment, model, sentencesByClaim) {
    var s = segment.sentence;
    if (segment.markup) {
      var markup = el('span', 'px-markup', segment.text);
      markup.setAttribute('aria-hidden', 'true');
      return markup;
    }
    if (!s) return document.createTextNode(segment.text);
    var span = el('span', 'px-s', segment.text);
    span.tabIndex = -1;
    span.dataset.ref = s.article + ':' + s.paragraph + ':' + s.index;
    var notes = [];
    if (s.support >= 2) {
      span.classList.add('px-shared', supportClass(s.support));
      if (s.sharedByAll) span.classList.add('px-all');
      span.dataset.claims = s.sharedClaims.join(' ');
      span.dataset.support = String(s.support);
      span.dataset.independent = String(s.independent);
      var copies = s.independent > 0 && s.independent < s.support;
      var markText = (s.sharedByAll ? '✔ all ' + s.support : 'shared ×' + s.support) + (copies ? ' · ' + s.independent + ' independent' : '');
      var mark = el('span', 'px-mark', markText);
      mark.setAttribute('aria-hidden', 'true');
      span.appendChild(mark);
      notes.push((s.sharedByAll ? 'shared by all ' : 'shared by ' + s.support + ' of ') + model.stats.articles + ' sources' +
        (copies ? ', ' + s.independent + ' independent' : ''));
      var claim = model.claims[s.primaryClaim];
      if (claim && claim.label) span.dataset.label = claim.label;
      s.sharedClaims.forEach(function (c) {
        var list = sentencesByClaim.get(c);
        if (!list) sentencesByClaim.set(c, (list = []));
        list.push(span);
      });
    } else if (s.unique) {
      span.classList.add('px-unique');
      notes.push('only in this source');
    }
    if (s.contested.length) {
      span.classList.add('px-contested');
      span.dataset.contradictions = s.contested.join(' ');
      var cmark = el('span', 'px-mark px-mark--contested', '⚠ contested');
      cmark.setAttribute('aria-hidden', 'true');
      span.appendChild(cmark);
      notes.push('contested: ' + s.contested.map(function (i) {
        var x = model.contradictions[i];
        return x.subject || x.kind;
      }).join(', '));
    }
    if (s.verbatimWith.length) {
      span.classList.add('px-verbatim');
      var vmark = el('span', 'px-mark px-mark--verbatim', '≡ verbatim');
      vmark.setAttribute('aria-hidden', 'true');
      span.appendChild(vmark);
      span.title = verbatimNote(s, model);
      notes.push(verbatimNote(s, model).toLowerCase());
    }
    if (notes.length) span.setAttribute('aria-label', segment.text + ' (' + notes.join('; ') + ')');
    return span;
  }

  var BODY_TAG = { heading: 'div', list_item: 'div', table: 'div', quote: 'blockquote', paragraph: 'p' };

  function paragraphCell(model, paragraph, sentencesByClaim) {
    var cell = el('div', 'px-cell px-kind-' + paragraph.kind);
    cell.id = paragraphId(paragraph.article, paragraph.index);
    cell.tabIndex = -1; // target of "also in" links
    cell.dataset.article = String(paragraph.article);
    cell.dataset.paragraph = String(paragraph.index);
    if (paragraph.shared) cell.classList.add('px-cell--shared');

    var label = el('div', 'px-cell-label');
    label.appendChild(el('span', 'px-pnum', '¶' + (paragraph.index + 1)));
    if (paragraph.kind !== 'paragraph') label.appendChild(el('span', 'px-kind', paragraph.kind.replace('_', ' ')));
    var unique = paragraph.sentences.some(function (s) { return s.unique; });
    if (!paragraph.boilerplate && !paragraph.shared && unique && model.articles.length > 1) {
      cell.classList.add('px-cell--unique');
      label.appendChild(el('span', 'px-flag px-flag--unique', '◇ only here'));
    }
    if (paragraph.contested) label.appendChild(el('span', 'px-flag px-flag--contested', '⚠ contested'));
    cell.appendChild(label);

    var body = el(BODY_TAG[paragraph.kind] || 'p', 'px-body');
    if (paragraph.kind === 'heading') {
      body.setAttribute('role', 'heading');
      body.setAttribute('aria-level', '3');
    }
    paragraph.segments.forEach(function (segment) {
      body.appendChild(sentenceNode(segment, model, sentencesByClaim));
    });

    if (paragraph.boilerplate) {
      cell.classList.add('px-boilerplate', 'px-collapsed');
      var toggle = el('button', 'px-bp-toggle', 'Boilerplate' + (paragraph.reason ? ': ' + paragraph.reason : ''));
      toggle.type = 'button';
      toggle.setAttribute('aria-expanded', 'false');
      toggle.title = 'Text the engine judged to be page furniture; click to show it';
      cell.appendChild(toggle);
    }
    cell.appendChild(body);

    if (paragraph.links.length) {
      var links = el('div', 'px-links');
      paragraph.links.forEach(function (link) {
        var target = model.articles[link.article];
        var a = el('a', 'px-link', '↪ also in ' + target.source + ' ¶' + (link.paragraph + 1));
        a.href = '#' + paragraphId(link.article, link.paragraph);
        a.dataset.target = paragraphId(link.article, link.paragraph);
        links.appendChild(a);
      });
      cell.appendChild(links);
    }
    return cell;
  }

  /**
   * The aligned columns: one grid column per article, grid row 1 holds the headers, then one grid
   * row per model row. Returns the element and an index from claim to its sentence elements.
   */
  function comparison(model) {
    var grid = comparisonStart(model);
    comparisonRows(grid, model.rows.length);
    return grid;
  }

  /**
   * The same grid built in slices (the streamed page, web/view.js): comparisonStart() gives the
   * headers and an empty body, comparisonRows(grid, n) appends the next n rows; once every row is
   * appended (grid.next === model.rows.length) the DOM is the one comparison() builds.
   */
  function comparisonStart(model) {
    var grid = el('div', 'px-grid');
    grid.setAttribute('role', 'region');
    grid.setAttribute('aria-label', 'Articles aligned paragraph by paragraph');
    grid.style.setProperty('--px-cols', String(Math.max(1, model.articles.length)));
    model.articles.forEach(function (article) { grid.appendChild(articleHeader(article)); });
    return { element: grid, sentencesByClaim: new Map(), model: model, next: 0,
      withEmpty: model.rows.length * model.articles.length <= MAX_EMPTY_CELLS };
  }

  /** Appends up to `count` more rows to a grid from comparisonStart() (to `target`, default the grid). */
  function comparisonRows(state, count, target) {
    var model = state.model;
    var into = target || state.element;
    var end = Math.min(model.rows.length, state.next + count);
    for (var r = state.next; r < end; r++) {
      for (var a = 0; a < model.articles.length; a++) {
        var cell = gridCell(state, r, a);
        if (cell) into.appendChild(cell);
      }
    }
    state.next = end;
  }

  /** The grid cell of row r, article a (null: no cell there); registers its shared sentences. */
  function gridCell(state, r, a) {
    var model = state.model;
    var sentencesByClaim = state.sentencesByClaim;
    var row = model.rows[r];
    var article = model.articles[a];
    var cell;
    var stacked = row.cells[a];
    if (stacked && stacked.length === 1) {
      cell = paragraphCell(model, article.paragraphs[stacked[0]], sentencesByClaim);
      if (!row.boilerplate && row.members.length > 1) cell.classList.add('px-cell--aligned');
    } else if (stacked) {
      // Several boilerplate paragraphs of one article, stacked in one grid cell.
      cell = el('div', 'px-stack');
      for (var i = 0; i < stacked.length; i++) cell.appendChild(paragraphCell(model, article.paragraphs[stacked[i]], sentencesByClaim));
    } else if (state.withEmpty) {
      cell = el('div', 'px-cell px-cell--empty');
      cell.dataset.article = String(a);
      cell.setAttribute('aria-hidden', 'true');
    } else {
      return null;
    }
    cell.classList.add(r % 2 ? 'px-row-odd' : 'px-row-even');
    cell.style.gridRow = String(r + 2);
    cell.dataset.row = String(r);
    cell.dataset.article = String(a);
    cell.style.gridColumn = String(a + 1);
    return cell;
  }

  /**
   * Redraws, in a grid drawn from `state`'s rows, the cells of the paragraphs `changed(paragraph)`
   * selects, from `model` (same articles and rows; e.g. the complete stage after the aligned one:
   * only contested marks differ). Then the claim index is rebuilt in document order, so the grid
   * and index are what comparison(model) gives. Returns the number of cells replaced.
   */
  function patchCells(state, model, changed) {
    var grid = state.element;
    var patch = { model: model, sentencesByClaim: new Map(), withEmpty: state.withEmpty };
    var replaced = 0;
    model.rows.forEach(function (row, r) {
      Object.keys(row.cells).forEach(function (key) {
        var a = Number(key);
        var paragraphs = model.articles[a].paragraphs;
        if (!row.cells[key].some(function (p) { return changed(paragraphs[p]); })) return;
        var old = grid.querySelector(':scope > [data-row="' + r + '"][data-article="' + a + '"]');
        var cell = gridCell(patch, r, a);
        if (old && cell) { grid.replaceChild(cell, old); replaced++; }
      });
    });
    state.model = model;
    var index = state.sentencesByClaim = new Map();
    Array.prototype.forEach.call(grid.querySelectorAll('.px-s.px-shared'), function (span) {
      var ref = span.dataset.ref.split(':').map(Number);
      var s = model.articles[ref[0]].paragraphs[ref[1]].sentences[ref[2]];
      s.sharedClaims.forEach(function (c) {
        var list = index.get(c);
        if (!list) index.set(c, (list = []));
        list.push(span);
      });
    });
    return replaced;
  }

  /**
   * The list of loaded inputs. `inputs`: [{id, name, origin, clientError?}]; per-file notices from
   * the model are shown next to their file.
   */
  function articleList(list, inputs, model) {
    clear(list);
    inputs.forEach(function (input, position) {
      var item = el('li', 'px-input');
      item.dataset.inputId = String(input.id);
      var text = el('div', 'px-input-text');
      var article = model ? model.articles.filter(function (a) { return a.name === input.name || a.name.split('#')[0] === input.name; })[0] : null;
      var rename = el('input', 'px-rename');
      rename.type = 'text';
      rename.maxLength = 120;
      rename.value = input.rename || (article ? article.source : '');
      rename.placeholder = article ? article.source : input.name;
      rename.dataset.inputId = String(input.id);
      rename.setAttribute('aria-label', 'Source name for ' + input.name + ' (Enter to apply)');
      rename.title = 'Rename this source';
      text.appendChild(rename);
      if (article && article.title) text.appendChild(el('span', 'px-input-title', article.title));
      var detail = input.name + ' · ' + formatBytes(input.size);
      text.appendChild(el('span', 'px-input-file', detail));
      var problems = [];
      if (input.clientError) problems.push({ severity: 'error', message: input.clientError });
      if (model) problems = problems.concat(ParallaxModel.noticesForFile(model.notices, input.name));
      problems.forEach(function (n) {
        var note = el('span', 'px-input-notice px-notice-' + n.severity, (n.severity === 'error' ? 'Error: ' : 'Warning: ') + n.message);
        note.setAttribute('role', n.severity === 'error' ? 'alert' : 'status');
        text.appendChild(note);
      });
      if (problems.some(function (n) { return n.severity === 'error'; })) item.classList.add('px-input--error');
      item.appendChild(text);
      var actions = el('div', 'px-input-actions');
      [[-1, '↑', 'Move ' + input.name + ' left'], [1, '↓', 'Move ' + input.name + ' right']].forEach(function (m) {
        var b = el('button', 'px-move', m[1]);
        b.type = 'button';
        b.dataset.inputId = String(input.id);
        b.dataset.delta = String(m[0]);
        b.setAttribute('aria-label', m[2]);
        b.title = m[2];
        b.disabled = m[0] < 0 ? position === 0 : position === inputs.length - 1;
        actions.appendChild(b);
      });
      var remove = el('button', 'px-remove', '×');
      remove.type = 'button';
      remove.dataset.inputId = String(input.id);
      remove.setAttribute('aria-label', 'Remove ' + input.name);
      remove.title = 'Remove ' + input.name;
      actions.appendChild(remove);
      item.appendChild(actions);
      list.appendChild(item);
    });
  }

  function formatBytes(n) {
    n = Number(n) || 0;
    if (n < 1024) return n + ' B';
    if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KB';
    return (n / 1024 / 1024).toFixed(1) + ' MB';
  }

  /*
   * Notice items shared by the page (web/app.js) and the element (web/element.js), so both say the
   * same words: a report notice shown apart from its file ("name.txt:" then the message), a
   * resource warning of the engine ("Resources."), the main-thread fallback ("Slower mode.").
   */
  function fileNotice(n) {
    return { severity: n.severity, title: n.file ? n.file + ':' : '', message: n.message };
  }
  function resourceNotice(message) {
    return { severity: 'warning', title: 'Resources.', message: message };
  }
  function engineNotice(message) {
    return { severity: 'warning', title: 'Slower mode.', message: message };
  }

  /** Page-level notices: [{severity: 'error'|'warning'|'info', title?, message}]. */
  function notices(container, items) {
    clear(container);
    items.forEach(function (n) {
      var box = el('div', 'px-notice px-notice-' + n.severity);
      box.setAttribute('role', n.severity === 'error' ? 'alert' : 'status');
      if (n.title) box.appendChild(el('strong', 'px-notice-title', n.title + ' '));
      box.appendChild(el('span', 'px-notice-text', n.message));
      container.appendChild(box);
    });
    container.hidden = items.length === 0;
  }

  /** Status bar: counts, time, engine. `info`: {elapsedMs?, mode?, version?, message?}. */
  function status(container, model, info) {
    clear(container);
    var parts = [];
    if (model) {
      var s = model.stats;
      parts.push(s.articles + (s.articles === 1 ? ' article' : ' articles'));
      parts.push(s.claims + (s.claims === 1 ? ' claim' : ' claims'));
      parts.push(s.sharedClaims + ' shared');
      parts.push(s.alignedRows + ' aligned rows');
      if (model.matcher) parts.push('matcher ' + model.matcher);
    }
    if (info && typeof info.elapsedMs === 'number') parts.push((info.elapsedMs / 1000).toFixed(2) + ' s');
    if (info && info.message) parts.unshift(info.message);
    parts.forEach(function (p) { container.appendChild(el('span', 'px-stat', p)); });
    if (info && (info.version || info.mode)) {
      var modes = { worker: 'worker', 'blob-worker': 'worker (file)', 'main-thread': 'main thread' };
      container.appendChild(el('span', 'px-stat px-stat-engine',
        'engine ' + (info.version || '?') + (info.mode ? ' · ' + (modes[info.mode] || info.mode) : '')));
    }
  }

  return {
    comparison: comparison,
    comparisonStart: comparisonStart,
    comparisonRows: comparisonRows,
    patchCells: patchCells,
    articleList: articleList,
    notices: notices,
    fileNotice: fileNotice,
    resourceNotice: resourceNotice,
    engineNotice: engineNotice,
    status: status,
    clear: clear,
    el: el,
    paragraphId: paragraphId,
    formatDate: formatDate,
    formatBytes: formatBytes,
  };
})();
