/*
 * <parallax-compare>: the comparison as a custom element for a newsroom CMS (classic script).
 * Needs web/model.js, render.js, engine.js, export.js, view.js first, or use the one-file bundle
 * web/dist/parallax-element.js. Full reference: docs/embedding.md.
 *
 *   <parallax-compare match-threshold="0.45" panel="contradictions">
 *     <article data-source="Morning Ledger" data-name="ledger.txt"><p>…</p><p>…</p></article>
 *     <script type="application/json">[{"name": "b.json", "source": "Valley Herald", "text": "…"}]</script>
 *   </parallax-compare>
 *   el.articles = [{ name: 'a.html', text: '<html>…' }, { name: 'b.txt', bytes: Uint8Array }];
 *
 * Attributes: match-threshold, matcher ("tfidf" | "learned"), max-articles (engine options);
 *   panel (matrix | contradictions | omissions | stance | claim), filter (all | shared-all | unique |
 *   contested), height (CSS length of the scrolling area),
 *   notices ("hidden": none shown; "collapsed": only the one-line summary until the reader opens it;
 *   else shown open): the report's notices (a binary, empty, oversized or badly encoded input, by
 *   file name) and the engine's (resource warnings, main-thread fallback: shared by every element
 *   on the page), above the view in the page's words, as text, in a <details part="notices">.
 * Events (bubbling, composed: they leave the shadow root): parallax-analysis {report},
 *   parallax-select {article, paragraph, sentence, text, claims, source}, parallax-error {code, message},
 *   parallax-notices {notices: [{file, code, severity, title, message}]} whenever that list changes
 *   (after parallax-analysis, or when the engine warns; [] when earlier notices no longer apply),
 *   also with notices="hidden", so a CMS can show them its own way.
 * Styling: CSS custom properties (--px-accent, --px-font, --px-col-min, --px-side-width, ... see
 *   web/style.css) set on the element, and ::part(notices) / ::part(view); nothing else gets in or
 *   out of the shadow root.
 * Methods: compare(), select(ref), exportJSON(), exportCSV(), exportHTML(); property `analysis`.
 * Article text reaches the view only through textContent; child markup is read, never rendered.
 */
'use strict';

(function () {
  if (typeof window === 'undefined' || !window.customElements || window.customElements.get('parallax-compare')) return;
  var sharedEngine = null;
  // The shared engine's own notices (each once, for every element): [{file, code, severity, title, message}].
  var engineNotices = [];
  var connectedElements = new Set();   // told when engineNotices grows
  /** One notice as the element keeps it and hands it out: item is ParallaxRender's {severity, title, message}. */
  function noticeEntry(file, code, item) {
    return { file: file, code: code, severity: item.severity, title: item.title, message: item.message };
  }
  function addEngineNotice(code, item) {
    if (engineNotices.some(function (n) { return n.code === code && n.message === item.message; })) return;
    engineNotices.push(noticeEntry('', code, item));
    connectedElements.forEach(function (el) { el._renderNotices(); });
  }
  function engine() {
    if (!sharedEngine) {
      sharedEngine = new ParallaxEngine({
        onNotice: function (message) { addEngineNotice('main_thread', ParallaxRender.engineNotice(message)); },
        onResourceWarnings: function (warnings) {
          warnings.forEach(function (message) { addEngineNotice('resource_warning', ParallaxRender.resourceNotice(message)); });
        },
      });
    }
    return sharedEngine;
  }
  var encoder = new TextEncoder();
  var STYLE_URL = ParallaxEngine.BASE + 'style.css';

  /** The text of a child <article>: its block children as paragraphs (blank line between). */
  function articleText(node) {
    var blocks = node.querySelectorAll('h1,h2,h3,h4,h5,h6,p,li,blockquote,pre');
    if (!blocks.length) return node.textContent || '';
    return Array.prototype.map.call(blocks, function (b) { return (b.textContent || '').replace(/\s+/g, ' ').trim(); })
      .filter(Boolean).join('\n\n');
  }

  function toBytes(a) {
    if (a.bytes instanceof Uint8Array) return a.bytes;
    if (a.bytes instanceof ArrayBuffer) return new Uint8Array(a.bytes);
    return encoder.encode(String(a.text === undefined ? '' : a.text));
  }

  class ParallaxCompareElement extends HTMLElement {
    static get observedAttributes() { return ['match-threshold', 'matcher', 'max-articles', 'panel', 'filter', 'height', 'notices']; }

    constructor() {
      super();
      var root = this.attachShadow({ mode: 'open' });
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = STYLE_URL;
      root.appendChild(link);
      // Notices above the view: a summary line, the page's notice boxes under it (text only).
      this._noticesBox = document.createElement('details');
      this._noticesBox.className = 'px-element-notices';
      this._noticesBox.setAttribute('part', 'notices');
      this._noticesBox.hidden = true;
      this._noticesBox.open = this.getAttribute('notices') !== 'collapsed';
      this._noticesSummary = document.createElement('summary');
      this._noticesSummary.className = 'px-element-notices-summary';
      this._noticesList = document.createElement('div');
      this._noticesList.className = 'px-notices';
      this._noticesBox.appendChild(this._noticesSummary);
      this._noticesBox.appendChild(this._noticesList);
      root.appendChild(this._noticesBox);
      this._reportNotices = [];   // the last report's notices, [{file, code, severity, title, message}]
      this._noticesKey = '[]';    // what the last parallax-notices said
      this._container = document.createElement('div');
      this._container.className = 'px-element';
      this._container.setAttribute('part', 'view');
      root.appendChild(this._container);
      this._view = new ParallaxView(this._container, { engine: engine(), host: this._container });
      this._articles = null;   // set by the property; else read from the children
      this._report = null;
      this._seq = 0;
      this._queued = false;
      var self = this;
      this._observer = new MutationObserver(function () { if (!self._articles) self._schedule(); });
    }

    connectedCallback() {
      connectedElements.add(this);
      if (engineNotices.length) this._renderNotices();
      this._observer.observe(this, { childList: true, subtree: true, characterData: true });
      this._applyHeight();
      this._schedule();
    }

    disconnectedCallback() {
      connectedElements.delete(this);
      this._observer.disconnect();
    }

    attributeChangedCallback(name) {
      if (name === 'panel') { if (this.getAttribute('panel')) this._view.setPanel(this.getAttribute('panel')); return; }
      if (name === 'filter') { this._applyFilter(); return; }
      if (name === 'height') { this._applyHeight(); return; }
      if (name === 'notices') {
        this._noticesBox.open = this.getAttribute('notices') !== 'collapsed';
        this._renderNotices();
        return;
      }
      if (this.isConnected) this._schedule();
    }

    /** [{name, text?|bytes?, source?}]; setting it replaces the children as the input. */
    get articles() { return this._articles ? this._articles.slice() : this._readChildren(); }
    set articles(list) {
      this._articles = Array.isArray(list) ? list.slice() : null;
      this._schedule();
    }

    /** The last parallax/1 document, or null. */
    get analysis() { return this._report; }

    get options() {
      var o = {};
      var t = this.getAttribute('match-threshold');
      if (t !== null && t !== '' && isFinite(Number(t))) o.matchThreshold = Number(t);
      var m = this.getAttribute('matcher');
      if (m) o.matcher = m;
      var n = this.getAttribute('max-articles');
      if (n !== null && /^\d+$/.test(n)) o.maxArticles = Number(n);
      return o;
    }

    _applyHeight() {
      var h = this.getAttribute('height');
      if (h) this._container.style.setProperty('--px-view-height', h);
      else this._container.style.removeProperty('--px-view-height');
    }

    _applyFilter() {
      var f = this.getAttribute('filter');
      var v = this._view;
      if (!f || !v.filterSelect.querySelector('option[value="' + f.replace(/[^a-z-]/g, '') + '"]')) return;
      v.filterSelect.value = f;
      v.filter.mode = f;
      v.applyFilter();
    }

    /** Shows the notices (unless notices="hidden") and tells the host when they changed. */
    _renderNotices() {
      // Copies, so that a listener changing the event's detail cannot change what is shown.
      var list = engineNotices.concat(this._reportNotices).map(function (n) { return noticeEntry(n.file, n.code, n); });
      var box = this._noticesBox;
      ParallaxRender.notices(this._noticesList, list);
      var errors = list.filter(function (n) { return n.severity === 'error'; }).length;
      var warnings = list.length - errors;
      var parts = [];
      if (errors) parts.push(errors + (errors === 1 ? ' error' : ' errors'));
      if (warnings) parts.push(warnings + (warnings === 1 ? ' warning' : ' warnings'));
      this._noticesSummary.textContent = 'Notices: ' + parts.join(', ');
      box.classList.toggle('px-element-notices--error', errors > 0);
      box.hidden = list.length === 0 || this.getAttribute('notices') === 'hidden';
      var key = JSON.stringify(list);
      if (key === this._noticesKey) return;
      this._noticesKey = key;
      this._container.dispatchEvent(new CustomEvent('parallax-notices', { bubbles: true, composed: true, detail: { notices: list } }));
    }

    _setReportNotices(modelNotices) {
      this._reportNotices = modelNotices.map(function (n) { return noticeEntry(n.file, n.code, ParallaxRender.fileNotice(n)); });
      this._renderNotices();
    }

    _readChildren() {
      var list = [];
      Array.prototype.forEach.call(this.children, function (child, i) {
        if (child.localName === 'article') {
          list.push({
            name: child.getAttribute('data-name') || 'article-' + (i + 1) + '.txt',
            text: articleText(child),
            source: child.getAttribute('data-source') || '',
          });
        } else if (child.localName === 'script' && child.type === 'application/json') {
          list.push({ name: child.getAttribute('data-name') || 'articles-' + (i + 1) + '.json', text: child.textContent || '' });
        }
      });
      return list;
    }

    _schedule() {
      if (this._queued) return;
      this._queued = true;
      var self = this;
      Promise.resolve().then(function () { self._queued = false; self.compare(); });
    }

    /** Runs the comparison now; resolves with the report (or null when there is nothing to compare). */
    compare() {
      var self = this;
      var seq = ++this._seq;
      var list = this.articles;
      if (!list.length) {
        this._report = null;
        this._view.clear('No articles: add <article> children or set the articles property.');
        this._setReportNotices([]);
        return Promise.resolve(null);
      }
      var renames = {};
      var files = list.map(function (a, i) {
        var name = String((a && a.name) || 'article-' + (i + 1) + '.txt');
        if (a && a.source) renames[name] = String(a.source);
        return { name: name, bytes: toBytes(a || {}) };
      });
      this.setAttribute('aria-busy', 'true');
      var options = this.options;
      // The learned matcher needs its resources in the worker first (loaded once, lazily), as on the page.
      var ready = options.matcher === 'learned' ? engine().loadResources() : Promise.resolve();
      return ready.then(function () { return engine().compare(files, options); }).then(function (result) {
        if (seq !== self._seq) return self._report;
        var report = result.report;
        (report.articles || []).forEach(function (a) {
          var r = renames[a.name] || renames[String(a.name).split('#')[0]];
          if (r) a.source = r;
        });
        self._report = report;
        var model = ParallaxModel.build(report);
        self._view.show(model);
        var panel = self.getAttribute('panel');
        if (panel) self._view.setPanel(panel);
        self._applyFilter();
        self.removeAttribute('aria-busy');
        self._container.dispatchEvent(new CustomEvent('parallax-analysis', { bubbles: true, composed: true, detail: { report: report } }));
        self._setReportNotices(model.notices);
        return report;
      }, function (e) {
        if (seq !== self._seq) return null;
        self.removeAttribute('aria-busy');
        self._report = null;
        self._view.clear('The comparison failed: ' + String((e && e.message) || e));
        self._setReportNotices([]);
        self._container.dispatchEvent(new CustomEvent('parallax-error', { bubbles: true, composed: true,
          detail: { code: (e && e.code) || 'error', message: String((e && e.message) || e) } }));
        return null;
      });
    }

    /** Selects a sentence: "article:paragraph:sentence" or {article, paragraph, sentence}. */
    select(ref) {
      if (ref && typeof ref === 'object') ref = [ref.article, ref.paragraph, ref.sentence].join(':');
      this._view.select(String(ref));
    }

    exportJSON() { return this._report ? ParallaxExport.json(this._report) : null; }
    exportCSV() { return this._view.model ? ParallaxExport.csv(this._view.model) : null; }
    exportHTML() { return this._view.model ? ParallaxExport.html(this._view.model, this._report) : null; }
  }

  window.customElements.define('parallax-compare', ParallaxCompareElement);
  window.ParallaxCompareElement = ParallaxCompareElement;
})();
