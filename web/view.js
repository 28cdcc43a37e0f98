/*
 * ParallaxView: the interactive comparison (classic script, global). Used by the page (web/app.js)
 * and by the <parallax-compare> element (web/element.js, inside its shadow root).
 *
 *   var view = new ParallaxView(container, { engine: ParallaxEngine, host: element });
 *   view.show(model[, stage]);   // model from ParallaxModel.build(report); keeps filters and panel
 *   view.showProgressive(model, {stage, live, onFirstSlice}).then(…);  // one stage of a streamed run, in slices
 *   view.clear('message');
 *   view.select('0:3:1');        // selects a sentence ("article:paragraph:sentence")
 *   view.jumpToClaim(4);
 *
 * What it draws: aligned columns (web/render.js) in one scroller (so every column scrolls together),
 * SVG ribbons between matched sentences of adjacent columns (stroke width = match score), a
 * toolbar with filters and search, and a side panel with tabs: coverage matrix, contradictions,
 * omissions, stance, and "this claim" (how each source treats the selected sentence, from the
 * engine's stance()).
 *
 * Events (dispatched on options.host, bubbling and composed, so they cross a shadow root):
 *   parallax-select  detail {article, paragraph, sentence, text, claims, source}
 * Keyboard in the columns: Up/Down previous/next sentence in the column, Left/Right the matched
 * sentence (or the nearest one) in the neighbouring column, Home/End, Enter selects, Escape clears.
 *
 * All text from articles reaches the DOM through textContent (ParallaxRender.el). No markup strings.
 */
'use strict';

var ParallaxView = (function () {
  var el = function (tag, className, text) { return ParallaxRender.el(tag, className, text); };
  var clear = function (node) { ParallaxRender.clear(node); };
  var MAX_RIBBONS = 6000;
  var MAX_MATRIX_ROWS = 400;
  // Cells of the coverage matrix at most (rows × sources): its table is laid out in one go, the
  // longest main-thread task of a large set (100 sources × 350 claims: 2.7 s on a loaded machine).
  var MAX_MATRIX_CELLS = 12000;
  var SVG = 'http://www.w3.org/2000/svg';
  var nextInstance = 1;

  function button(className, text, label) {
    var b = el('button', className, text);
    b.type = 'button';
    if (label) b.setAttribute('aria-label', label);
    return b;
  }

  function pct(x) { return Math.round(x * 100) + '%'; }
  function signed(x) { return (x > 0 ? '+' : x < 0 ? '−' : '') + Math.abs(x).toFixed(2); }

  function View(container, options) {
    this.options = options || {};
    this.host = this.options.host || container;
    this.container = container;
    this.uid = 'pxv' + nextInstance++;
    this.model = null;
    this.grid = null;
    this.sentencesByClaim = new Map();
    this.spans = new Map();       // ref -> span
    this.active = null;           // highlighted sentence span
    this.selected = null;         // ref of the selected sentence
    this.current = null;          // the sentence span that holds tabindex 0
    this.filter = { mode: 'all', k: 2, query: '' };
    this.panel = 'matrix';
    this.activeColumn = 0;
    this.tabbed = false;
    this.showAllContradictions = false;
    this.stanceSeq = 0;
    this.ribbonFrame = 0;
    this.build();
  }

  // ---- static structure ------------------------------------------------------------------

  View.prototype.build = function () {
    var self = this;
    var root = this.root = el('div', 'px-view');
    var bar = el('div', 'px-viewbar');
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'Filter and search the comparison');

    var filterLabel = el('label', 'px-field-inline', 'Show ');
    var filter = this.filterSelect = el('select', 'px-filter');
    [['all', 'all sentences'], ['shared-all', 'shared by all sources'], ['at-least', 'shared by at least k'],
      ['unique', 'only one source'], ['contested', 'contested']].forEach(function (o) {
      var opt = el('option', null, o[1]);
      opt.value = o[0];
      filter.appendChild(opt);
    });
    filterLabel.appendChild(filter);
    bar.appendChild(filterLabel);
    var kLabel = this.kLabel = el('label', 'px-field-inline', 'k = ');
    var k = this.kInput = el('input', 'px-k');
    k.type = 'number';
    k.min = '2';
    k.value = '2';
    k.setAttribute('aria-label', 'Minimum number of sources');
    kLabel.appendChild(k);
    kLabel.hidden = true;
    bar.appendChild(kLabel);
    var search = this.searchInput = el('input', 'px-search');
    search.type = 'search';
    search.placeholder = 'Search the text…';
    search.setAttribute('aria-label', 'Search the articles');
    bar.appendChild(search);
    this.filterCount = el('span', 'px-filter-count');
    this.filterCount.setAttribute('role', 'status');
    bar.appendChild(this.filterCount);
    var bp = this.bpToggle = button('px-button px-button--quiet px-bp-all', 'Show boilerplate');
    bp.setAttribute('aria-pressed', 'false');
    bar.appendChild(bp);
    root.appendChild(bar);

    var legend = el('div', 'px-legend');
    legend.setAttribute('aria-label', 'Legend');
    [['px-legend-item px-all', '✔ all: every source'], ['px-legend-item px-sup-2', 'shared ×k: some sources'],
      ['px-legend-item px-legend-unique', '◇ only here: one source'], ['px-legend-item px-legend-contested', '⚠ contested'],
      ['px-legend-item px-legend-verbatim', '≡ verbatim copy'], ['px-legend-item px-legend-bp', '▸ boilerplate (collapsed)']]
      .forEach(function (l) { legend.appendChild(el('span', l[0], l[1])); });
    root.appendChild(legend);

    this.focusLine = el('div', 'px-focus');
    this.focusLine.setAttribute('role', 'status');
    this.focusLine.setAttribute('aria-live', 'polite');
    root.appendChild(this.focusLine);

    this.colTabs = el('div', 'px-coltabs');
    this.colTabs.setAttribute('role', 'tablist');
    this.colTabs.setAttribute('aria-label', 'Articles');
    this.colTabs.hidden = true;
    root.appendChild(this.colTabs);

    var work = el('div', 'px-workspace');
    this.scroller = el('div', 'px-compare');
    this.scroller.setAttribute('role', 'region');
    this.scroller.setAttribute('aria-label', 'Articles aligned paragraph by paragraph. Arrow keys move between sentences; Enter selects one.');
    work.appendChild(this.scroller);

    var side = this.side = el('aside', 'px-side');
    side.setAttribute('aria-label', 'Coverage, contradictions, omissions and stance');
    var tabs = this.sideTabs = el('div', 'px-side-tabs');
    tabs.setAttribute('role', 'tablist');
    tabs.setAttribute('aria-label', 'Panels');
    this.panels = {};
    this.tabButtons = {};
    [['matrix', 'Coverage'], ['contradictions', 'Contradictions'], ['omissions', 'Omissions'], ['stance', 'Stance'],
      ['claim', 'Claim']].forEach(function (p) {
      var id = self.uid + '-panel-' + p[0];
      var tab = button('px-side-tab', p[1]);
      tab.setAttribute('role', 'tab');
      tab.id = id + '-tab';
      tab.dataset.panel = p[0];
      tab.setAttribute('aria-controls', id);
      tabs.appendChild(tab);
      self.tabButtons[p[0]] = tab;
      var panel = el('div', 'px-panel px-panel--' + p[0]);
      panel.id = id;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.tabIndex = 0;
      self.panels[p[0]] = panel;
    });
    side.appendChild(tabs);
    Object.keys(this.panels).forEach(function (k) { side.appendChild(self.panels[k]); });
    work.appendChild(side);
    root.appendChild(work);

    this.tooltip = el('div', 'px-tooltip');
    this.tooltip.hidden = true;
    this.tooltip.setAttribute('aria-hidden', 'true');
    root.appendChild(this.tooltip);
    this.container.appendChild(root);
    this.setPanel(this.panel);
    this.clear();
    this.bind();
  };

  View.prototype.setPanel = function (name) {
    var self = this;
    this.panel = name;
    Object.keys(this.panels).forEach(function (k) {
      var on = k === name;
      self.panels[k].hidden = !on;
      self.tabButtons[k].setAttribute('aria-selected', on ? 'true' : 'false');
      self.tabButtons[k].tabIndex = on ? 0 : -1;
    });
  };

  View.prototype.clear = function (message) {
    this.stopProgressive();
    this.stage = null;
    this.gridComplete = false;
    this.gridState = null;
    this.panelsPending = false;
    this.model = null;
    this.grid = null;
    this.spans = new Map();
    this.sentencesByClaim = new Map();
    this.active = null;
    this.current = null;
    clear(this.scroller);
    this.scroller.appendChild(el('p', 'px-empty-hint px-compare-empty',
      message || 'The comparison appears here once at least one article is loaded.'));
    this.root.classList.add('px-view--empty');
    var self = this;
    Object.keys(this.panels).forEach(function (k) { clear(self.panels[k]); });
    this.colTabs.hidden = true;
    this.focusLine.textContent = '';
    this.filterCount.textContent = '';
  };

  // ---- showing a model -------------------------------------------------------------------

  View.prototype.show = function (model, stage) {
    this.stopProgressive();
    var before = this.beforeShow();
    this.mountGrid(model, ParallaxRender.comparison(model));
    this.afterShow(model, before, stage || 'complete');
  };

  /** A streamed comparison was cancelled: the panels of a partial stage say so. */
  View.prototype.stopped = function () {
    this.stopProgressive();
    this.stageStopped = true;
    if (this.model && this.stage !== 'complete') this.renderPendingPanels();
  };

  /** What a new model keeps from the one shown: scroll position and selected sentence. */
  View.prototype.beforeShow = function () {
    return {
      keepScroll: this.model ? { top: this.scroller.scrollTop, left: this.scroller.scrollLeft } : null,
      previousSelection: this.selected,
    };
  };

  /** Puts a grid from ParallaxRender.comparison()/comparisonStart() in the scroller. */
  View.prototype.mountGrid = function (model, grid) {
    this.model = model;
    this.root.classList.remove('px-view--empty');
    this.hideTooltip();
    this.active = null;
    clear(this.scroller);
    this.grid = grid.element;
    this.gridState = grid;
    this.sentencesByClaim = grid.sentencesByClaim;
    this.svg = document.createElementNS(SVG, 'svg');
    this.svg.setAttribute('class', 'px-ribbons');
    this.svg.setAttribute('aria-hidden', 'true');
    this.grid.appendChild(this.svg);
    this.scroller.appendChild(this.grid);
    this.spans = new Map();
    this.current = null;
    this.gridComplete = false;
  };

  /** Everything after the grid: spans, keyboard, panels, filter, scroll, selection, ribbons. */
  View.prototype.afterShow = function (model, before, stage, deferPanels) {
    this.stage = stage;
    this.stageStopped = false;
    // Streamed: the panels (the coverage matrix is one big table) are drawn in a later frame.
    this.panelsPending = !!deferPanels;
    if (this.gridState) this.gridState.stage = stage; // the stage this grid shows, fully drawn
    this.gridComplete = true;
    this.grid.appendChild(this.svg); // last child, as comparison() + show() leave it
    var spans = this.spans = new Map();
    Array.prototype.forEach.call(this.grid.querySelectorAll('.px-s[data-ref]'), function (s) { spans.set(s.dataset.ref, s); });
    this.current = null;
    var first = this.grid.querySelector('.px-s[data-ref]');
    if (first) this.setCurrent(first);
    this.kInput.max = String(Math.max(2, model.articles.length));
    if (this.activeColumn >= model.articles.length) this.activeColumn = 0;
    this.renderColumnTabs();
    this.renderPanels();
    this.applyFilter();
    this.applyTabbed(this.tabbed);
    // (Setting the scroll position forces a layout: only when there is one to restore.)
    if (before.keepScroll && (before.keepScroll.top || before.keepScroll.left)) {
      this.scroller.scrollTop = before.keepScroll.top;
      this.scroller.scrollLeft = before.keepScroll.left;
    }
    if (before.previousSelection && this.spans.has(before.previousSelection)) this.select(before.previousSelection, { quiet: true, keepPanel: true });
    else { this.selected = null; this.renderClaimPanel(); }
    this.scheduleRibbons();
  };

  // ---- streamed display (docs/viewer.md "Streaming"): a stage at a time, in slices -----------

  /** Main-thread time one slice may take (ms); the rest of the frame is for layout and paint. */
  var SLICE_MS = 8;
  /** Cells a preview stage (options.preview: the segmented one) draws at most: a few screenfuls. */
  var PREVIEW_CELLS = 1500;

  function nextSlice(fn) {
    // requestAnimationFrame paints each slice; a hidden page gets no frames, so it uses timers.
    if (typeof document !== 'undefined' && document.hidden) setTimeout(fn, 0);
    else requestAnimationFrame(function () { fn(); });
  }

  /** Stops a showProgressive() in flight (its promise then never resolves). */
  View.prototype.stopProgressive = function () {
    if (this.job) this.job.cancelled = true;
    this.job = null;
  };

  /**
   * Shows a model of one stage of a streamed comparison ('segmented' | 'aligned' | 'complete')
   * without blocking the main thread on building the DOM: the grid is built a few rows per frame
   * (SLICE_MS each, the slice size adapting).
   *   live (no fully drawn grid on screen): the first rows go on screen at once, the rest are built
   *     aside and added in one go; options.preview stops at PREVIEW_CELLS (the segmented stage);
   *   otherwise the grid is built off screen and replaces the one shown, so the page never goes blank;
   *   'complete' after a drawn 'aligned' of the same rows: only the cells with contested marks are
   *     redrawn (ParallaxRender.patchCells).
   * Then spans, keyboard, filter and ribbons; the panels a frame later (the coverage matrix is one
   * big table). options.onFirstSlice() is called once the first rows are on screen. A newer call
   * (or show(), clear(), stopProgressive()) abandons this one, whose promise then never resolves.
   * The DOM of a 'complete' stage is the one show() builds (tests/browser/stream.test.mjs).
   */
  View.prototype.showProgressive = function (model, options) {
    options = options || {};
    this.stopProgressive();
    var self = this;
    var job = this.job = { cancelled: false };
    var stage = options.stage || 'complete';
    // What to keep (scroll, selection) is read when the new grid goes on screen: reading the scroll
    // position of a page just changed would force a layout now.
    var before = { keepScroll: null, previousSelection: this.selected };
    var shown = this.gridState;
    // The complete stage after a fully drawn aligned one: same rows and claims, only the contested
    // marks differ, so only the cells that hold them are redrawn (no new grid, no full layout).
    var patch = stage === 'complete' && shown && shown.stage === 'aligned' && this.gridComplete &&
      shown.model.rows.length === model.rows.length && shown.model.claims.length === model.claims.length &&
      shown.model.articles.length === model.articles.length;
    // Live when no fully drawn grid is on screen (first stage, or a stage that overtook it): the
    // first rows go on screen at once, the rest are built aside and added in one go (each addition
    // to a live grid costs a layout of the whole grid).
    var live = !patch && (options.live !== undefined ? !!options.live : !(this.grid && this.grid.querySelector('.px-s')));
    var grid = patch ? null : ParallaxRender.comparisonStart(model);
    // The panels say at once what is being computed.
    if (stage !== 'complete') { this.stage = stage; this.renderPendingPanels(); }
    var rest = live ? document.createDocumentFragment() : null;
    var rowsPerSlice = 1;
    var firstDone = false;
    function firstSlice() {
      if (firstDone) return;
      firstDone = true;
      if (options.onFirstSlice) options.onFirstSlice();
    }
    function finish(done) {
      if (job.cancelled) return;
      self.afterShow(model, before, stage, true);
      firstSlice();
      nextSlice(function () {
        if (job.cancelled) return;
        self.panelsPending = false;
        self.renderPanels();
        self.job = null;
        done();
      });
    }
    return new Promise(function (resolve) {
      function slice() {
        if (job.cancelled) return;
        if (patch) {
          ParallaxRender.patchCells(shown, model, function (p) { return p.contested; });
          self.model = model;
          self.sentencesByClaim = shown.sentencesByClaim;
          nextSlice(function () { finish(resolve); });
          return;
        }
        var t0 = performance.now();
        // Live: rows go straight on screen while the grid is small (cheap layouts), then aside.
        var target = live && firstDone && grid.next * model.articles.length >= PREVIEW_CELLS ? rest : null;
        // Adaptive: grow the slice while it stays under budget, shrink it when it does not.
        ParallaxRender.comparisonRows(grid, rowsPerSlice, target);
        var spent = performance.now() - t0;
        if (spent < SLICE_MS / 2) rowsPerSlice *= 2;
        else if (spent > SLICE_MS && rowsPerSlice > 1) rowsPerSlice = Math.max(1, rowsPerSlice >> 1);
        if (live && !firstDone) {
          // The first rows on screen at once.
          before = self.beforeShow();
          self.mountGrid(model, grid);
          firstSlice();
        }
        // A preview stage of a large set stops at PREVIEW_CELLS: the next stage replaces it soon, and
        // every cell added now is a cell the browser lays out again then.
        var enough = options.preview && grid.next * model.articles.length >= PREVIEW_CELLS;
        if (grid.next < model.rows.length && !enough) { nextSlice(slice); return; }
        if (live) grid.element.appendChild(rest);
        else {
          before = self.beforeShow();
          self.mountGrid(model, grid);
        }
        // The panels and the filter in the next frame, after this layout.
        nextSlice(function () { finish(resolve); });
      }
      nextSlice(slice);
    });
  };

  View.prototype.renderPanels = function () {
    if (this.panelsPending) return;
    if (this.stage && this.stage !== 'complete') {
      this.renderPendingPanels();
      return;
    }
    this.renderMatrix();
    this.renderContradictions();
    this.renderOmissions();
    this.renderStance();
    var n = this.model.contradictions.filter(function (x) { return x.shown; }).length;
    this.tabButtons.contradictions.textContent = 'Contradictions' + (n ? ' (' + n + ')' : '');
  };

  /** Panels of a stage not yet complete: what is being computed (streamed display). */
  View.prototype.renderPendingPanels = function () {
    var self = this;
    var text = this.stageStopped ? 'Not computed: the comparison was cancelled.'
      : this.stage === 'segmented' ? 'Aligning the articles…' : 'Finding contradictions…';
    ['matrix', 'contradictions', 'omissions', 'stance'].forEach(function (k) {
      clear(self.panels[k]);
      self.panels[k].appendChild(el('p', 'px-empty-hint px-pending', text));
    });
    this.tabButtons.contradictions.textContent = 'Contradictions';
  };

  View.prototype.sourceName = function (article) {
    var a = this.model.articles[article];
    return a ? a.source : '?';
  };

  // ---- ribbons ---------------------------------------------------------------------------

  View.prototype.scheduleRibbons = function () {
    var self = this;
    if (this.ribbonFrame) return;
    this.ribbonFrame = requestAnimationFrame(function () {
      self.ribbonFrame = 0;
      self.drawRibbons();
    });
  };

  /** Visible span rectangle relative to the grid, or null when the sentence is not displayed. */
  function spanBox(span, origin) {
    var rects = span.getClientRects();
    if (!rects.length) return null;
    var r = rects[0];
    if (!r.width && !r.height) return null;
    var cell = span.closest('.px-cell');
    var c = cell.getBoundingClientRect();
    return { y: r.top + r.height / 2 - origin.top, left: c.left - origin.left, right: c.right - origin.left };
  }

  /**
   * One ribbon per pair of sentences in adjacent columns that share a claim, from the right edge of
   * the left cell to the left edge of the right cell; stroke width grows with the members' scores.
   */
  View.prototype.drawRibbons = function () {
    var svg = this.svg;
    if (!svg || !this.grid || !this.grid.isConnected) return;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var model = this.model;
    var width = this.grid.scrollWidth;
    var height = this.grid.scrollHeight;
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    if (this.tabbed || model.articles.length < 2) return;
    var origin = this.grid.getBoundingClientRect();
    var spans = this.spans;
    var count = 0;
    var fragment = document.createDocumentFragment();
    for (var ci = 0; ci < model.claims.length && count < MAX_RIBBONS; ci++) {
      var claim = model.claims[ci];
      if (claim.support < 2) continue;
      var byArticle = {};
      claim.members.forEach(function (m) { if (!byArticle[m.article]) byArticle[m.article] = m; });
      for (var a = 0; a + 1 < model.articles.length; a++) {
        var left = byArticle[a];
        var right = byArticle[a + 1];
        if (!left || !right) continue;
        var ls = spans.get(left.article + ':' + left.paragraph + ':' + left.sentence);
        var rs = spans.get(right.article + ':' + right.paragraph + ':' + right.sentence);
        if (!ls || !rs || ls.classList.contains('px-dim') || rs.classList.contains('px-dim')) continue;
        var lb = spanBox(ls, origin);
        var rb = spanBox(rs, origin);
        if (!lb || !rb) continue;
        var x1 = lb.right;
        var x2 = rb.left;
        var mid = (x1 + x2) / 2;
        var path = document.createElementNS(SVG, 'path');
        path.setAttribute('d', 'M' + x1.toFixed(1) + ' ' + lb.y.toFixed(1) + ' C' + mid.toFixed(1) + ' ' + lb.y.toFixed(1) + ' ' +
          mid.toFixed(1) + ' ' + rb.y.toFixed(1) + ' ' + x2.toFixed(1) + ' ' + rb.y.toFixed(1));
        var score = (left.score + right.score) / 2 || 0.5;
        path.setAttribute('stroke-width', (1 + 5 * score).toFixed(2));
        path.setAttribute('class', 'px-ribbon ' + (claim.support >= model.articles.length ? 'px-ribbon--all' : 'px-ribbon--' + Math.min(claim.support, 5)));
        path.setAttribute('data-claim', String(ci));
        fragment.appendChild(path);
        count++;
      }
    }
    svg.appendChild(fragment);
    this.ribbonCount = count;
    this.markRibbons();
  };

  View.prototype.markRibbons = function () {
    if (!this.svg) return;
    var claims = this.active ? (this.active.dataset.claims || '').split(' ').filter(Boolean) : [];
    this.svg.classList.toggle('px-ribbons--focus', claims.length > 0);
    Array.prototype.forEach.call(this.svg.childNodes, function (p) {
      var on = claims.indexOf(p.getAttribute('data-claim')) >= 0;
      p.classList.toggle('px-ribbon--match', on);
    });
  };

  // ---- highlighting ----------------------------------------------------------------------

  View.prototype.activate = function (span) {
    if (this.active === span || !this.grid) return;
    this.deactivate();
    if (!span.classList.contains('px-shared')) return;
    this.active = span;
    var grid = this.grid;
    grid.classList.add('px-focus-mode');
    span.classList.add('px-active');
    var seen = new Set();
    var self = this;
    (span.dataset.claims || '').split(' ').forEach(function (c) {
      (self.sentencesByClaim.get(Number(c)) || []).forEach(function (node) {
        if (seen.has(node)) return;
        seen.add(node);
        node.classList.add('px-match');
        var cell = node.closest('.px-cell');
        if (cell) cell.classList.add('px-cell--match');
      });
    });
    var support = Number(span.dataset.support) || 0;
    var independent = Number(span.dataset.independent) || support;
    var text = 'Shared by ' + support + ' of ' + this.model.stats.articles + ' sources' +
      (independent < support ? ' (' + independent + ' independent: the others carry identical wording)' : '');
    this.focusLine.textContent = text + (span.dataset.label ? ': “' + span.dataset.label + '”' : '');
    this.showTooltip(span, text);
    this.markRibbons();
  };

  View.prototype.deactivate = function () {
    if (!this.active) return;
    var grid = this.grid;
    if (grid) {
      grid.classList.remove('px-focus-mode');
      Array.prototype.forEach.call(grid.querySelectorAll('.px-match, .px-active, .px-cell--match'), function (n) {
        n.classList.remove('px-match', 'px-active', 'px-cell--match');
      });
    }
    this.active = null;
    this.focusLine.textContent = '';
    this.hideTooltip();
    this.markRibbons();
  };

  View.prototype.showTooltip = function (anchor, text) {
    var tip = this.tooltip;
    tip.textContent = text;
    tip.hidden = false;
    var rect = anchor.getClientRects()[0] || anchor.getBoundingClientRect();
    var top = rect.top - tip.offsetHeight - 6;
    if (top < 4) top = rect.bottom + 6;
    var left = Math.max(4, Math.min(rect.left, window.innerWidth - tip.offsetWidth - 4));
    tip.style.top = Math.round(top) + 'px';
    tip.style.left = Math.round(left) + 'px';
  };
  View.prototype.hideTooltip = function () { this.tooltip.hidden = true; };

  // ---- keyboard: roving tabindex over sentences --------------------------------------------

  View.prototype.setCurrent = function (span) {
    if (this.current && this.current !== span) this.current.tabIndex = -1;
    this.current = span;
    span.tabIndex = 0;
  };

  function visible(span) { return span.getClientRects().length > 0 && !span.classList.contains('px-dim'); }

  View.prototype.columnSentences = function (article) {
    var list = [];
    this.spans.forEach(function (span, ref) {
      if (Number(ref.split(':')[0]) === article && visible(span)) list.push(span);
    });
    return list; // Map keeps document order
  };

  View.prototype.moveFocus = function (span) {
    if (!span) return;
    this.setCurrent(span);
    span.focus();
    span.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  View.prototype.neighbour = function (span, direction) {
    var parts = span.dataset.ref.split(':').map(Number);
    var model = this.model;
    var order = [];
    if (this.tabbed) {
      // Columns are tabs: Left/Right switch the tab and land on the match (or the nearest sentence).
      var target = parts[0] + direction;
      if (target < 0 || target >= model.articles.length) return null;
      order = [target];
    } else {
      for (var a = parts[0] + direction; a >= 0 && a < model.articles.length; a += direction) order.push(a);
    }
    var claims = (span.dataset.claims || '').split(' ').filter(Boolean).map(Number);
    for (var i = 0; i < order.length; i++) {
      var article = order[i];
      for (var c = 0; c < claims.length; c++) {
        var hit = (this.sentencesByClaim.get(claims[c]) || []).filter(function (n) {
          return Number(n.dataset.ref.split(':')[0]) === article;
        })[0];
        if (hit) {
          if (this.tabbed) this.setActiveColumn(article);
          return hit;
        }
      }
    }
    // No match: the nearest sentence by height in the next column.
    var next = parts[0] + direction;
    if (next < 0 || next >= model.articles.length) return null;
    if (this.tabbed) this.setActiveColumn(next);
    var y = span.getBoundingClientRect().top;
    var best = null;
    var bestDistance = Infinity;
    this.columnSentences(next).forEach(function (n) {
      var d = Math.abs(n.getBoundingClientRect().top - y);
      if (d < bestDistance) { bestDistance = d; best = n; }
    });
    return best;
  };

  View.prototype.onKey = function (e) {
    var span = e.target.closest && e.target.closest('.px-s[data-ref]');
    if (e.key === 'Escape') {
      this.deactivate();
      return;
    }
    if (!span) return;
    var article = Number(span.dataset.ref.split(':')[0]);
    var list;
    var i;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        list = this.columnSentences(article);
        i = list.indexOf(span) + (e.key === 'ArrowDown' ? 1 : -1);
        if (i >= 0 && i < list.length) this.moveFocus(list[i]);
        break;
      case 'ArrowRight':
      case 'ArrowLeft':
        this.moveFocus(this.neighbour(span, e.key === 'ArrowRight' ? 1 : -1));
        break;
      case 'Home':
      case 'End':
        list = this.columnSentences(article);
        this.moveFocus(list[e.key === 'Home' ? 0 : list.length - 1]);
        break;
      case 'Enter':
      case ' ':
        this.select(span.dataset.ref);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  // ---- selection: "how does each source treat this claim?" --------------------------------

  View.prototype.select = function (ref, opts) {
    opts = opts || {};
    var span = this.spans.get(ref);
    if (!span) return;
    var previous = this.grid.querySelector('.px-selected');
    if (previous) previous.classList.remove('px-selected');
    span.classList.add('px-selected');
    this.selected = ref;
    var s = ParallaxModel.sentenceAt(this.model.articles, { article: ref.split(':')[0], paragraph: ref.split(':')[1], sentence: ref.split(':')[2] });
    if (!opts.keepPanel) this.setPanel('claim');
    this.renderClaimPanel();
    if (!opts.quiet && s) {
      this.host.dispatchEvent(new CustomEvent('parallax-select', {
        bubbles: true, composed: true,
        detail: { article: s.article, paragraph: s.paragraph, sentence: s.index, text: s.text, claims: s.claims.slice(),
          source: this.sourceName(s.article) },
      }));
    }
  };

  function articleBody(article) {
    return article.paragraphs.filter(function (p) { return !p.boilerplate; })
      .map(function (p) { return p.text || p.sentences.map(function (s) { return s.text; }).join(' '); }).join('\n\n');
  }

  var TREATMENT = {
    agree: { icon: '✔', text: 'agrees' },
    disagree: { icon: '✖', text: 'disputes' },
    discuss: { icon: '◐', text: 'reports it' },
    unrelated: { icon: '○', text: 'silent' },
  };

  View.prototype.renderClaimPanel = function () {
    var panel = this.panels.claim;
    clear(panel);
    var model = this.model;
    if (!model) return;
    if (!this.selected || !this.spans.has(this.selected)) {
      panel.appendChild(el('p', 'px-empty-hint', 'Select a sentence (click it, or press Enter on it) to see how every source treats its claim.'));
      return;
    }
    var parts = this.selected.split(':').map(Number);
    var s = ParallaxModel.sentenceAt(model.articles, { article: parts[0], paragraph: parts[1], sentence: parts[2] });
    panel.appendChild(el('h3', 'px-panel-title', 'How does each source treat this claim?'));
    var quote = el('blockquote', 'px-claim-quote', s.text);
    panel.appendChild(quote);
    panel.appendChild(el('p', 'px-panel-meta', 'From ' + this.sourceName(s.article)));
    var list = el('ul', 'px-treatments');
    panel.appendChild(list);
    var engine = this.options.engine;
    var seq = ++this.stanceSeq;
    var self = this;
    var rows = [];
    model.articles.forEach(function (article) {
      if (article.index === s.article) return;
      var li = el('li', 'px-treatment px-treatment--pending');
      li.dataset.article = String(article.index);
      li.appendChild(el('span', 'px-treatment-source', article.source));
      var label = el('span', 'px-treatment-label', '… checking');
      li.appendChild(label);
      // The sentence the alignment matched in this article, if any.
      var matched = null;
      s.sharedClaims.forEach(function (c) {
        model.claims[c].members.forEach(function (m) { if (!matched && m.article === article.index) matched = m; });
      });
      var evidence = el('div', 'px-treatment-evidence');
      li.appendChild(evidence);
      list.appendChild(li);
      rows.push({ article: article, li: li, label: label, evidence: evidence, matched: matched });
    });
    if (!rows.length) {
      list.appendChild(el('li', 'px-empty-hint', 'Only one article is loaded.'));
      return;
    }
    function setLabel(row, key, evidenceText, ref) {
      var t = TREATMENT[key] || TREATMENT.discuss;
      row.li.classList.remove('px-treatment--pending');
      row.li.classList.add('px-treatment--' + key);
      row.li.dataset.label = key === 'unrelated' ? 'silent' : key;
      row.label.textContent = t.icon + ' ' + t.text;
      clear(row.evidence);
      if (evidenceText) {
        var b = button('px-evidence-link', evidenceText, 'Evidence from ' + row.article.source + ': ' + evidenceText);
        if (ref) b.dataset.ref = ref;
        row.evidence.appendChild(b);
      }
    }
    function refFor(article, text) {
      if (!text) return null;
      var found = null;
      article.paragraphs.forEach(function (p) {
        p.sentences.forEach(function (x) { if (!found && (x.text === text || x.text.indexOf(text) >= 0 || text.indexOf(x.text) >= 0)) found = x; });
      });
      return found ? found.article + ':' + found.paragraph + ':' + found.index : null;
    }
    // One request at a time, in column order; a newer selection abandons the rest.
    var chain = Promise.resolve();
    rows.forEach(function (row) {
      chain = chain.then(function () {
        if (seq !== self.stanceSeq) return null;
        var matchedRef = row.matched ? row.matched.article + ':' + row.matched.paragraph + ':' + row.matched.sentence : null;
        var matchedText = row.matched ? ParallaxModel.sentenceAt(model.articles, row.matched).text : '';
        if (!engine || typeof engine.stance !== 'function') {
          setLabel(row, matchedRef ? 'discuss' : 'unrelated', matchedText, matchedRef);
          return null;
        }
        return engine.stance(s.text, articleBody(row.article)).then(function (r) {
          if (seq !== self.stanceSeq) return;
          var key = r && TREATMENT[r.label] ? r.label : 'discuss';
          // An aligned sentence means the source does report it, whatever the body-level label.
          if (key === 'unrelated' && matchedRef) key = 'discuss';
          var ev = r && r.evidence && r.evidence.text ? String(r.evidence.text) : matchedText;
          setLabel(row, key, ev, refFor(row.article, ev) || matchedRef);
        }, function (e) {
          if (seq !== self.stanceSeq) return;
          setLabel(row, matchedRef ? 'discuss' : 'unrelated', matchedText, matchedRef);
          row.li.appendChild(el('span', 'px-treatment-note', '(stance unavailable: ' + (e && e.message || e) + ')'));
        });
      });
    });
    chain.then(function () {
      if (seq === self.stanceSeq) panel.dataset.done = 'true';
    });
    panel.dataset.done = 'false';
  };

  // ---- jumping ---------------------------------------------------------------------------

  function flash(node) {
    node.classList.remove('px-flash');
    void node.offsetWidth; // restart the animation
    node.classList.add('px-flash');
  }

  /** Scrolls the columns to a sentence, flashes it and moves the keyboard focus there. */
  View.prototype.jumpToSentence = function (ref, focus) {
    var span = this.spans.get(ref);
    if (!span) return;
    var article = Number(ref.split(':')[0]);
    if (this.tabbed) this.setActiveColumn(article);
    var cell = span.closest('.px-cell');
    if (cell.classList.contains('px-collapsed')) this.toggleBoilerplate(cell, true);
    if (span.classList.contains('px-dim') || cell.classList.contains('px-row-hidden')) this.resetFilter();
    span.scrollIntoView({ block: 'center', inline: 'nearest' });
    flash(span);
    if (focus !== false) {
      this.setCurrent(span);
      span.focus({ preventScroll: true });
    }
  };

  /** Scrolls every column to a claim (the rows are shared: one scroll) and flashes its members. */
  View.prototype.jumpToClaim = function (claimIndex) {
    var claim = this.model && this.model.claims[claimIndex];
    if (!claim || !claim.members.length) return;
    var self = this;
    var members = claim.members;
    var first = members[0];
    if (this.tabbed) {
      first = members.filter(function (m) { return m.article === self.activeColumn; })[0] || first;
    }
    this.jumpToSentence(first.article + ':' + first.paragraph + ':' + first.sentence);
    members.forEach(function (m) {
      var span = self.spans.get(m.article + ':' + m.paragraph + ':' + m.sentence);
      if (span) flash(span);
    });
    this.host.dispatchEvent(new CustomEvent('parallax-claim', { bubbles: true, composed: true, detail: { claim: claimIndex } }));
  };

  View.prototype.toggleBoilerplate = function (cell, open) {
    var collapsed = open === undefined ? !cell.classList.contains('px-collapsed') : !open;
    cell.classList.toggle('px-collapsed', collapsed);
    var toggle = cell.querySelector('.px-bp-toggle');
    if (toggle) toggle.setAttribute('aria-expanded', collapsed ? 'false' : 'true');
    this.scheduleRibbons();
  };

  // ---- filters and search ----------------------------------------------------------------

  View.prototype.sentencePasses = function (s) {
    var f = this.filter;
    var ok = true;
    switch (f.mode) {
      case 'shared-all': ok = s.sharedByAll; break;
      case 'at-least': ok = s.support >= f.k; break;
      case 'unique': ok = s.unique; break;
      case 'contested': ok = s.contested.length > 0; break;
      default: ok = true;
    }
    if (ok && f.query) ok = s.text.toLowerCase().indexOf(f.query) >= 0;
    return ok;
  };

  View.prototype.resetFilter = function () {
    this.filter = { mode: 'all', k: this.filter.k, query: '' };
    this.filterSelect.value = 'all';
    this.searchInput.value = '';
    this.applyFilter();
  };

  View.prototype.applyFilter = function () {
    var model = this.model;
    if (!model || !this.grid) return;
    var f = this.filter;
    this.kLabel.hidden = f.mode !== 'at-least';
    var filtering = f.mode !== 'all' || !!f.query;
    this.grid.classList.toggle('px-filtering', filtering);
    var passing = 0;
    var self = this;
    var rowHas = {};
    this.spans.forEach(function (span, ref) {
      var p = ref.split(':').map(Number);
      var s = model.articles[p[0]].paragraphs[p[1]].sentences[p[2]];
      var ok = !filtering || self.sentencePasses(s);
      span.classList.toggle('px-dim', filtering && !ok);
      span.classList.toggle('px-hit', filtering && ok);
      if (ok) {
        passing++;
        var cell = span.closest('[data-row]');
        if (cell) rowHas[cell.dataset.row] = true;
      }
    });
    Array.prototype.forEach.call(this.grid.querySelectorAll('[data-row]'), function (cell) {
      cell.classList.toggle('px-row-hidden', filtering && !rowHas[cell.dataset.row]);
    });
    this.filterCount.textContent = filtering ? passing + (passing === 1 ? ' sentence matches' : ' sentences match') : '';
    if ((!this.stage || this.stage === 'complete') && !this.panelsPending) this.renderMatrix();
    this.scheduleRibbons();
  };

  // ---- coverage matrix -------------------------------------------------------------------

  View.prototype.claimPasses = function (claim) {
    var f = this.filter;
    var n = this.model.articles.length;
    var ok = true;
    switch (f.mode) {
      case 'shared-all': ok = claim.support >= n && n > 1; break;
      case 'at-least': ok = claim.support >= f.k; break;
      case 'unique': ok = claim.support < 2; break;
      case 'contested': ok = claim.contested.length > 0; break;
      default: ok = claim.support >= 2 || claim.contested.length > 0;
    }
    if (ok && f.query) {
      var q = f.query;
      var model = this.model;
      ok = claim.label.toLowerCase().indexOf(q) >= 0 || claim.members.some(function (m) {
        var s = ParallaxModel.sentenceAt(model.articles, m);
        return s && s.text.toLowerCase().indexOf(q) >= 0;
      });
    }
    return ok;
  };

  View.prototype.renderMatrix = function () {
    var panel = this.panels.matrix;
    clear(panel);
    var model = this.model;
    if (!model) return;
    var self = this;
    var claims = model.claims.filter(function (c) { return self.claimPasses(c); });
    claims.sort(function (x, y) { return y.support - x.support || y.independent - x.independent || x.index - y.index; });
    panel.appendChild(el('p', 'px-panel-meta', claims.length + (claims.length === 1 ? ' claim' : ' claims') +
      ' × ' + model.articles.length + ' sources, most supported first. Click a claim to scroll every column to it.'));
    if (!claims.length) {
      panel.appendChild(el('p', 'px-empty-hint', 'No claim matches the filter.'));
      return;
    }
    var wrap = el('div', 'px-matrix-wrap');
    var table = el('table', 'px-matrix');
    var caption = el('caption', 'px-sr', 'Coverage matrix: which source makes which claim');
    table.appendChild(caption);
    var thead = el('thead');
    var hr = el('tr');
    hr.appendChild(el('th', 'px-matrix-claimhead', 'Claim'));
    var sup = el('th', 'px-matrix-num', '#');
    sup.title = 'Number of sources (independent ones in brackets)';
    hr.appendChild(sup);
    model.articles.forEach(function (a) {
      var th = el('th', 'px-matrix-src', a.source.slice(0, 3));
      th.title = a.source;
      th.setAttribute('scope', 'col');
      th.setAttribute('aria-label', a.source);
      hr.appendChild(th);
    });
    thead.appendChild(hr);
    table.appendChild(thead);
    var tbody = el('tbody');
    var omitted = {};
    model.omissions.forEach(function (o) { o.missing.forEach(function (m) { omitted[o.article + ':' + m.claim] = true; }); });
    var maxRows = Math.min(MAX_MATRIX_ROWS, Math.max(20, Math.floor(MAX_MATRIX_CELLS / Math.max(1, model.articles.length))));
    claims.slice(0, maxRows).forEach(function (claim) {
      var tr = el('tr', 'px-matrix-row');
      tr.dataset.claim = String(claim.index);
      var th = el('th', 'px-matrix-claim');
      th.setAttribute('scope', 'row');
      var b = button('px-matrix-jump', claim.label || claim.id, 'Go to claim: ' + (claim.label || claim.id));
      b.dataset.claim = String(claim.index);
      th.appendChild(b);
      tr.appendChild(th);
      tr.appendChild(el('td', 'px-matrix-num', claim.support + (claim.independent < claim.support ? ' (' + claim.independent + ')' : '')));
      var present = {};
      claim.members.forEach(function (m) { present[m.article] = true; });
      var contestedIn = {};
      claim.contested.forEach(function (xi) {
        var x = model.contradictions[xi];
        contestedIn[x.a.article] = true;
        contestedIn[x.b.article] = true;
      });
      model.articles.forEach(function (a) {
        var td;
        if (present[a.index]) {
          td = el('td', 'px-matrix-yes' + (contestedIn[a.index] ? ' px-matrix-contested' : ''), contestedIn[a.index] ? '⚠' : '●');
          td.setAttribute('aria-label', a.source + (contestedIn[a.index] ? ': makes it, contested' : ': makes it'));
        } else {
          td = el('td', 'px-matrix-no' + (omitted[a.index + ':' + claim.index] ? ' px-matrix-omitted' : ''),
            omitted[a.index + ':' + claim.index] ? '✕' : '·');
          td.setAttribute('aria-label', a.source + (omitted[a.index + ':' + claim.index] ? ': leaves it out' : ': does not make it'));
        }
        td.title = a.source;
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    wrap.appendChild(table);
    panel.appendChild(wrap);
    if (claims.length > maxRows) {
      panel.appendChild(el('p', 'px-panel-meta', (claims.length - maxRows) + ' more claims not shown (export the CSV for all).'));
    }
  };

  // ---- contradictions --------------------------------------------------------------------

  View.prototype.renderContradictions = function () {
    var panel = this.panels.contradictions;
    clear(panel);
    var model = this.model;
    var self = this;
    var all = model.contradictions;
    var shown = all.filter(function (x) { return x.shown || self.showAllContradictions; });
    if (!all.length) {
      panel.appendChild(el('p', 'px-empty-hint', 'No contradictions found between these articles.'));
      return;
    }
    var hidden = all.length - all.filter(function (x) { return x.shown; }).length;
    if (hidden) {
      var toggle = button('px-button px-button--quiet px-contra-all',
        this.showAllContradictions ? 'Show confident ones only' : 'Also show ' + hidden + ' less confident');
      toggle.setAttribute('aria-pressed', this.showAllContradictions ? 'true' : 'false');
      panel.appendChild(toggle);
    }
    var list = el('ul', 'px-contras');
    shown.forEach(function (x) {
      var li = el('li', 'px-contra' + (x.shown ? '' : ' px-contra--weak'));
      li.dataset.index = String(x.index);
      var head = el('div', 'px-contra-head');
      head.appendChild(el('span', 'px-contra-kind', '⚠ ' + x.kind));
      if (x.subject) head.appendChild(el('span', 'px-contra-subject', x.subject));
      head.appendChild(el('span', 'px-contra-conf', pct(x.confidence) + (x.scope === 'within' ? ' · within one article' : '')));
      li.appendChild(head);
      var sides = el('div', 'px-contra-sides');
      [x.a, x.b].forEach(function (side) {
        var b = button('px-contra-side', null, 'Go to ' + self.sourceName(side.article) + ': ' + side.sentenceText);
        b.dataset.ref = side.article + ':' + side.paragraph + ':' + side.sentence;
        b.appendChild(el('span', 'px-contra-source', self.sourceName(side.article)));
        b.appendChild(el('span', 'px-contra-value', side.display));
        b.appendChild(el('span', 'px-contra-sentence', side.sentenceText));
        sides.appendChild(b);
      });
      li.appendChild(sides);
      if (x.note) li.appendChild(el('p', 'px-contra-note', x.note));
      list.appendChild(li);
    });
    panel.appendChild(list);
  };

  // ---- omissions -------------------------------------------------------------------------

  View.prototype.renderOmissions = function () {
    var panel = this.panels.omissions;
    clear(panel);
    var model = this.model;
    var self = this;
    var omissions = model.omissions;
    var derived = false;
    if (!omissions.length && model.articles.length > 2) {
      // The engine did not report omissions: claims that most other sources make, computed here.
      derived = true;
      omissions = model.articles.map(function (a) {
        var missing = model.claims.filter(function (c) {
          return c.support * 2 > model.articles.length - 1 && !c.members.some(function (m) { return m.article === a.index; });
        }).map(function (c) { return { claim: c.index, support: c.support }; });
        missing.sort(function (x, y) { return y.support - x.support; });
        return { article: a.index, missing: missing };
      });
    }
    var any = omissions.some(function (o) { return o.missing.length; });
    if (!any) {
      panel.appendChild(el('p', 'px-empty-hint', 'No source leaves out a claim most of the others make.'));
      return;
    }
    panel.appendChild(el('p', 'px-panel-meta', 'Claims most other sources make that a source leaves out, by support' +
      (derived ? ' (computed from the shared claims).' : '.')));
    omissions.forEach(function (o) {
      if (!o.missing.length) return;
      var box = el('section', 'px-omission');
      box.appendChild(el('h3', 'px-panel-subtitle', self.sourceName(o.article) + ' leaves out'));
      var ul = el('ul', 'px-omission-list');
      o.missing.slice(0, 30).forEach(function (m) {
        var claim = model.claims[m.claim];
        var li = el('li');
        var b = button('px-matrix-jump', (claim.label || claim.id), 'Go to claim: ' + claim.label);
        b.dataset.claim = String(m.claim);
        li.appendChild(b);
        li.appendChild(el('span', 'px-omission-support', ' ×' + m.support));
        ul.appendChild(li);
      });
      box.appendChild(ul);
      panel.appendChild(box);
    });
  };

  // ---- stance ----------------------------------------------------------------------------

  /** A small horizontal bar: value in [lo, hi], drawn from the zero point. */
  function bar(value, lo, hi, className) {
    var track = el('span', 'px-bar ' + (className || ''));
    track.setAttribute('aria-hidden', 'true');
    var fill = el('span', 'px-bar-fill');
    var zero = (0 - lo) / (hi - lo);
    var at = (value - lo) / (hi - lo);
    fill.style.left = (Math.min(zero, at) * 100).toFixed(1) + '%';
    fill.style.width = (Math.abs(at - zero) * 100).toFixed(1) + '%';
    if (value < 0) fill.classList.add('px-bar-fill--neg');
    track.appendChild(fill);
    if (lo < 0) track.appendChild(el('span', 'px-bar-zero'));
    return track;
  }

  View.prototype.figure = function (label, valueText, barNode, sentences, title) {
    var b = button('px-figure', null, label + ': ' + valueText + (sentences.length ? ', ' + sentences.length + ' sentences' : ''));
    b.appendChild(el('span', 'px-figure-label', label));
    if (barNode) b.appendChild(barNode);
    b.appendChild(el('span', 'px-figure-value', valueText));
    b.dataset.title = title;
    b.disabled = !sentences.length;
    this.figureSentences.set(b, sentences);
    return b;
  };

  View.prototype.renderStance = function () {
    var panel = this.panels.stance;
    clear(panel);
    var model = this.model;
    var self = this;
    this.figureSentences = new Map();
    if (!model.stance.length) {
      panel.appendChild(el('p', 'px-empty-hint', 'No stance figures in this analysis (tone, subjectivity, hedging, attribution).'));
      return;
    }
    panel.appendChild(el('p', 'px-panel-meta', 'Per source. Click a figure to list the sentences behind it.'));
    model.stance.forEach(function (st) {
      var name = self.sourceName(st.article);
      var box = el('section', 'px-stance');
      box.dataset.article = String(st.article);
      box.appendChild(el('h3', 'px-panel-subtitle', name));
      var figs = el('div', 'px-figures');
      figs.appendChild(self.figure('Tone', signed(st.tone.score), bar(st.tone.score, -1, 1), st.tone.sentences, name + ': tone'));
      figs.appendChild(self.figure('Subjectivity', pct(st.subjectivity.score), bar(st.subjectivity.score, 0, 1),
        st.subjectivity.sentences, name + ': subjective sentences'));
      figs.appendChild(self.figure('Hedging', signed(st.hedging.score) + ' (' + st.hedging.hedges + ' hedges, ' + st.hedging.boosters + ' boosters)',
        bar(st.hedging.score, -1, 1, 'px-bar--hedge'), st.hedging.sentences, name + ': hedged or certain sentences'));
      box.appendChild(figs);
      if (st.subjectivity.loaded.length) {
        box.appendChild(el('p', 'px-stance-loaded', 'Loaded words: ' + st.subjectivity.loaded.slice(0, 8).map(function (w) {
          return w.word + (w.count > 1 ? ' ×' + w.count : '');
        }).join(', ')));
      }
      if (st.attribution.length) {
        var at = el('div', 'px-figures px-attribution');
        at.appendChild(el('span', 'px-figure-group', 'Attribution'));
        st.attribution.slice(0, 8).forEach(function (x) {
          at.appendChild(self.figure(x.source, '×' + x.count, null, x.sentences, name + ': attributed to ' + x.source));
        });
        box.appendChild(at);
      }
      if (st.targets.length) {
        var tg = el('div', 'px-figures px-targets');
        tg.appendChild(el('span', 'px-figure-group', 'Towards'));
        st.targets.slice(0, 8).forEach(function (t) {
          tg.appendChild(self.figure(t.name, signed(t.score) + ' · ' + t.mentions + (t.mentions === 1 ? ' mention' : ' mentions'), bar(t.score, -1, 1), t.sentences,
            name + ': sentiment towards ' + t.name));
        });
        box.appendChild(tg);
      }
      panel.appendChild(box);
    });
    this.evidenceBox = el('div', 'px-evidence');
    this.evidenceBox.setAttribute('aria-live', 'polite');
    panel.appendChild(this.evidenceBox);
  };

  View.prototype.listEvidence = function (figure) {
    var sentences = this.figureSentences.get(figure) || [];
    var box = this.evidenceBox;
    var model = this.model;
    var self = this;
    clear(box);
    Array.prototype.forEach.call(this.panels.stance.querySelectorAll('.px-figure[aria-pressed]'), function (b) { b.removeAttribute('aria-pressed'); });
    figure.setAttribute('aria-pressed', 'true');
    box.appendChild(el('h3', 'px-panel-subtitle', figure.dataset.title + ' (' + sentences.length + ')'));
    var ul = el('ul', 'px-evidence-list');
    sentences.forEach(function (ref) {
      var s = ParallaxModel.sentenceAt(model.articles, ref);
      if (!s) return;
      var li = el('li');
      var b = button('px-evidence-link', s.text, 'Go to: ' + s.text);
      b.dataset.ref = ref.article + ':' + ref.paragraph + ':' + ref.sentence;
      li.appendChild(b);
      if (ref.score) li.appendChild(el('span', 'px-evidence-score', ' ' + signed(ref.score)));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    box.scrollIntoView({ block: 'nearest' });
    void self;
  };

  // ---- narrow screens: columns become tabs -------------------------------------------------

  View.prototype.renderColumnTabs = function () {
    var self = this;
    clear(this.colTabs);
    this.model.articles.forEach(function (a) {
      var tab = button('px-coltab', a.source);
      tab.setAttribute('role', 'tab');
      tab.dataset.article = String(a.index);
      tab.setAttribute('aria-selected', a.index === self.activeColumn ? 'true' : 'false');
      tab.tabIndex = a.index === self.activeColumn ? 0 : -1;
      self.colTabs.appendChild(tab);
    });
  };

  View.prototype.setActiveColumn = function (article) {
    this.activeColumn = article;
    Array.prototype.forEach.call(this.colTabs.children, function (t) {
      var on = Number(t.dataset.article) === article;
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      t.tabIndex = on ? 0 : -1;
    });
    if (!this.grid) return;
    var tabbed = this.tabbed;
    Array.prototype.forEach.call(this.grid.children, function (cell) {
      if (!cell.dataset || cell.dataset.article === undefined) return;
      cell.classList.toggle('px-off', tabbed && Number(cell.dataset.article) !== article);
    });
  };

  View.prototype.applyTabbed = function (tabbed) {
    this.tabbed = tabbed;
    this.root.classList.toggle('px-view--narrow', tabbed);
    this.colTabs.hidden = !tabbed || !this.model;
    if (this.grid) this.grid.classList.toggle('px-grid--tabbed', tabbed);
    this.setActiveColumn(this.activeColumn);
    this.scheduleRibbons();
  };

  // ---- events ----------------------------------------------------------------------------

  View.prototype.bind = function () {
    var self = this;
    var sc = this.scroller;
    function sentenceOf(t) { return t && t.closest ? t.closest('.px-s[data-ref]') : null; }
    sc.addEventListener('mouseover', function (e) {
      var s = sentenceOf(e.target);
      if (s && s.classList.contains('px-shared')) self.activate(s);
      else if (!sentenceOf(self.focusedSentence())) self.deactivate();
    });
    sc.addEventListener('mouseleave', function () {
      var focused = sentenceOf(self.focusedSentence());
      if (focused && focused.classList.contains('px-shared')) self.activate(focused);
      else self.deactivate();
    });
    sc.addEventListener('focusin', function (e) {
      var s = sentenceOf(e.target);
      if (s) {
        self.setCurrent(s);
        if (s.classList.contains('px-shared')) self.activate(s);
        else self.deactivate();
      } else {
        self.deactivate();
      }
    });
    sc.addEventListener('focusout', function (e) {
      if (!sentenceOf(e.relatedTarget)) self.deactivate();
    });
    sc.addEventListener('scroll', function () {
      if (self.active) self.showTooltip(self.active, self.tooltip.textContent);
    });
    sc.addEventListener('keydown', function (e) { self.onKey(e); });
    sc.addEventListener('click', function (e) {
      var toggle = e.target.closest('.px-bp-toggle');
      if (toggle) {
        self.toggleBoilerplate(toggle.closest('.px-cell'));
        return;
      }
      var link = e.target.closest('.px-link');
      if (link) {
        e.preventDefault();
        var target = self.grid.querySelector('#' + link.dataset.target);
        if (!target) return;
        var article = Number(target.dataset.article);
        if (self.tabbed) self.setActiveColumn(article);
        target.scrollIntoView({ block: 'center', inline: 'center' });
        target.focus({ preventScroll: true });
        flash(target);
        return;
      }
      var s = sentenceOf(e.target);
      if (s) self.select(s.dataset.ref);
    });

    this.filterSelect.addEventListener('change', function () {
      self.filter.mode = self.filterSelect.value;
      self.applyFilter();
    });
    this.kInput.addEventListener('input', function () {
      self.filter.k = Math.max(2, Number(self.kInput.value) || 2);
      self.applyFilter();
    });
    var searchTimer = 0;
    this.searchInput.addEventListener('input', function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(function () {
        self.filter.query = self.searchInput.value.trim().toLowerCase();
        self.applyFilter();
      }, 120);
    });
    this.bpToggle.addEventListener('click', function () {
      if (!self.grid) return;
      var open = self.bpToggle.getAttribute('aria-pressed') !== 'true';
      self.bpToggle.setAttribute('aria-pressed', open ? 'true' : 'false');
      self.bpToggle.textContent = open ? 'Hide boilerplate' : 'Show boilerplate';
      Array.prototype.forEach.call(self.grid.querySelectorAll('.px-boilerplate'), function (cell) { self.toggleBoilerplate(cell, open); });
    });

    this.sideTabs.addEventListener('click', function (e) {
      var tab = e.target.closest('.px-side-tab');
      if (tab) self.setPanel(tab.dataset.panel);
    });
    this.sideTabs.addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      var names = Object.keys(self.panels);
      var i = names.indexOf(self.panel) + (e.key === 'ArrowRight' ? 1 : -1);
      var name = names[(i + names.length) % names.length];
      self.setPanel(name);
      self.tabButtons[name].focus();
      e.preventDefault();
    });
    this.side.addEventListener('click', function (e) {
      var jump = e.target.closest('.px-matrix-jump');
      if (jump) { self.jumpToClaim(Number(jump.dataset.claim)); return; }
      var ref = e.target.closest('[data-ref]');
      if (ref && self.side.contains(ref)) { self.jumpToSentence(ref.dataset.ref); return; }
      var fig = e.target.closest('.px-figure');
      if (fig) { self.listEvidence(fig); return; }
      if (e.target.closest('.px-contra-all')) {
        self.showAllContradictions = !self.showAllContradictions;
        self.renderContradictions();
      }
    });

    this.colTabs.addEventListener('click', function (e) {
      var tab = e.target.closest('.px-coltab');
      if (tab) { self.setActiveColumn(Number(tab.dataset.article)); self.scheduleRibbons(); }
    });
    this.colTabs.addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' || !self.model) return;
      var n = self.model.articles.length;
      var next = (self.activeColumn + (e.key === 'ArrowRight' ? 1 : -1) + n) % n;
      self.setActiveColumn(next);
      self.colTabs.children[next].focus();
      e.preventDefault();
    });

    var narrow = window.matchMedia ? window.matchMedia('(max-width: 760px)') : null;
    if (narrow) {
      this.tabbed = narrow.matches;
      var onChange = function () { self.applyTabbed(narrow.matches); };
      if (narrow.addEventListener) narrow.addEventListener('change', onChange);
      else if (narrow.addListener) narrow.addListener(onChange);
    }
    if (typeof ResizeObserver === 'function') {
      var lastWidth = 0;
      new ResizeObserver(function () {
        var w = self.scroller.clientWidth;
        if (w !== lastWidth) { lastWidth = w; self.scheduleRibbons(); }
      }).observe(this.scroller);
    }
    window.addEventListener('resize', function () { self.scheduleRibbons(); });
  };

  View.prototype.focusedSentence = function () {
    var root = this.container.getRootNode ? this.container.getRootNode() : document;
    return root.activeElement || document.activeElement;
  };

  return View;
})();
