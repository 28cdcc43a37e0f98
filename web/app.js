/*
 * Parallax viewer: page controller (classic script). Owns the list of inputs, asks the engine
 * (web/engine.js) for a comparison, builds the view model (web/model.js), hands it to the
 * renderer (web/render.js) and wires the interactions (hover/focus highlighting, boilerplate
 * toggles, "also in" links, drop zone, paste box).
 *
 * Inputs are kept as bytes so that adding or removing one file re-runs the comparison on all.
 * Nothing is ever sent over the network.
 */
'use strict';

(function () {
  /** Files larger than this are not read at all (the engine's own limit is lower). */
  var MAX_READ_BYTES = 32 * 1024 * 1024;

  var state = {
    inputs: [],        // [{id, name, bytes, size, origin: 'file'|'paste'|'sample', clientError?}]
    nextId: 1,
    model: null,
    view: null,        // {element, sentencesByClaim}
    runSeq: 0,
    pageNotices: [],   // whole-run notices: [{severity, title?, message}]
    engineNotice: null,
    lastInfo: null,
  };

  var $ = function (id) { return document.getElementById(id); };
  var els = {};
  var engine = new ParallaxEngine({
    onNotice: function (message) {
      state.engineNotice = { severity: 'warning', title: 'Slower mode.', message: message };
      showNotices();
    },
  });
  var encoder = new TextEncoder();

  // ---- inputs ----------------------------------------------------------------------------

  /** Makes `name` unique among the loaded inputs ("a.txt" -> "a (2).txt"). */
  function uniqueName(name) {
    name = String(name || 'untitled').replace(/[\u0000-\u001f]/g, ' ').trim() || 'untitled';
    var taken = {};
    state.inputs.forEach(function (i) { taken[i.name] = true; });
    if (!taken[name]) return name;
    var dot = name.lastIndexOf('.');
    var stem = dot > 0 ? name.slice(0, dot) : name;
    var ext = dot > 0 ? name.slice(dot) : '';
    for (var n = 2; ; n++) {
      var candidate = stem + ' (' + n + ')' + ext;
      if (!taken[candidate]) return candidate;
    }
  }

  function addInputs(items) {
    items.forEach(function (item) {
      state.inputs.push({
        id: state.nextId++,
        name: uniqueName(item.name),
        bytes: item.bytes || new Uint8Array(0),
        size: item.size !== undefined ? item.size : (item.bytes ? item.bytes.length : 0),
        origin: item.origin,
        clientError: item.clientError || null,
      });
    });
    analyse();
  }

  function readFiles(fileList) {
    var files = Array.prototype.slice.call(fileList || []);
    if (!files.length) return;
    setProgress('Reading ' + files.length + (files.length === 1 ? ' file…' : ' files…'));
    Promise.all(files.map(function (file) {
      if (file.size > MAX_READ_BYTES) {
        return Promise.resolve({ name: file.name, size: file.size, origin: 'file',
          clientError: 'File too large to read (' + Math.round(file.size / 1048576) + ' MB; limit 32 MB).' });
      }
      return file.arrayBuffer().then(function (buffer) {
        return { name: file.name, bytes: new Uint8Array(buffer), size: file.size, origin: 'file' };
      }, function (e) {
        return { name: file.name, size: file.size, origin: 'file',
          clientError: 'Could not read the file: ' + (e && e.message ? e.message : 'unknown error') };
      });
    })).then(addInputs);
  }

  function loadSamples() {
    var samples = window.PARALLAX_SAMPLES;
    if (!Array.isArray(samples) || !samples.length) {
      state.pageNotices = [{ severity: 'error', title: 'No samples.',
        message: 'web/dist/samples.js is missing: run `node scripts/build-web.mjs`.' }];
      showNotices();
      return;
    }
    // Replace earlier copies of the samples rather than adding duplicates.
    state.inputs = state.inputs.filter(function (i) { return i.origin !== 'sample'; });
    addInputs(samples.map(function (s) {
      return { name: s.name, bytes: encoder.encode(s.text), origin: 'sample' };
    }));
  }

  function removeInput(id) {
    state.inputs = state.inputs.filter(function (i) { return i.id !== id; });
    analyse();
  }

  // ---- analysis --------------------------------------------------------------------------

  function setProgress(text) {
    els.progress.hidden = !text;
    if (text) els.progressText.textContent = text;
    document.body.classList.toggle('px-busy', !!text);
  }

  function analyse() {
    var seq = ++state.runSeq;
    var usable = state.inputs.filter(function (i) { return !i.clientError; });
    state.pageNotices = [];
    if (!usable.length) {
      state.model = null;
      setProgress(null);
      if (state.inputs.length) {
        state.pageNotices.push({ severity: 'error', title: 'Nothing to compare.',
          message: 'None of the loaded files could be read.' });
      }
      renderAll();
      return;
    }
    setProgress('Comparing ' + usable.length + (usable.length === 1 ? ' article…' : ' articles…'));
    renderInputs();
    var files = usable.map(function (i) { return { name: i.name, bytes: i.bytes }; });
    engine.compare(files, {}).then(function (result) {
      if (seq !== state.runSeq) return;
      state.model = ParallaxModel.build(result.report);
      state.lastInfo = { elapsedMs: result.elapsedMs, mode: engine.mode, version: engine.versionString };
      if (state.model.articles.length === 1) {
        state.pageNotices.push({ severity: 'info', title: 'One article.',
          message: 'Add at least one more article about the same event to see what the sources share.' });
      }
      setProgress(null);
      renderAll();
    }).catch(function (e) {
      if (seq !== state.runSeq) return;
      setProgress(null);
      state.model = null;
      state.lastInfo = { mode: engine.mode, version: engine.versionString };
      state.pageNotices.push(runErrorNotice(e));
      renderAll();
    });
  }

  function runErrorNotice(e) {
    var code = e && e.code;
    var message = (e && e.message) || String(e);
    var titles = {
      cancelled: 'Cancelled.',
      no_articles: 'Nothing to compare.',
      empty_input: 'Nothing to compare.',
      engine_missing: 'The analysis engine is not available.',
      engine_load_failed: 'The analysis engine failed to start.',
      engine_crash: 'The analysis engine stopped.',
      worker_crashed: 'The analysis engine stopped.',
    };
    if (code === 'engine_missing' && e.attempts && e.attempts.length) {
      message += ' (' + e.attempts.join(' / ') + ')';
    }
    return { severity: code === 'cancelled' ? 'info' : 'error', title: titles[code] || 'The comparison failed.', message: message };
  }

  // ---- rendering -------------------------------------------------------------------------

  function showNotices() {
    var items = state.engineNotice ? [state.engineNotice].concat(state.pageNotices) : state.pageNotices.slice();
    // Notices about files that are not in the list (e.g. "name#2" of a JSON array is matched,
    // but a notice without a file is not) are shown at page level.
    if (state.model) {
      var names = {};
      state.inputs.forEach(function (i) { names[i.name] = true; });
      state.model.notices.forEach(function (n) {
        if (!names[n.file] && !names[n.file.split('#')[0]]) {
          items.push({ severity: n.severity, title: n.file ? n.file + ':' : '', message: n.message });
        }
      });
    }
    ParallaxRender.notices(els.notices, items);
  }

  function renderInputs() {
    ParallaxRender.articleList(els.inputs, state.inputs, state.model);
    els.inputsEmpty.hidden = state.inputs.length > 0;
    els.count.textContent = state.inputs.length ? '(' + state.inputs.length + ')' : '';
    els.clear.disabled = state.inputs.length === 0;
  }

  function renderAll() {
    deactivate();
    renderInputs();
    showNotices();
    ParallaxRender.clear(els.compare);
    state.view = null;
    if (state.model && state.model.articles.length) {
      state.view = ParallaxRender.comparison(state.model);
      els.compare.appendChild(state.view.element);
    } else {
      els.compare.appendChild(ParallaxRender.el('p', 'px-empty-hint px-compare-empty',
        state.inputs.length ? 'No comparison to show.' : 'The comparison appears here once at least one article is loaded.'));
    }
    ParallaxRender.status(els.status, state.model, state.lastInfo);
    document.body.dataset.state = state.model ? 'ready' : 'empty';
  }

  // ---- shared-sentence highlighting ------------------------------------------------------

  var active = null;

  function activate(sentence) {
    if (active === sentence || !state.view) return;
    deactivate();
    active = sentence;
    var grid = state.view.element;
    grid.classList.add('px-focus-mode');
    sentence.classList.add('px-active');
    var seen = new Set();
    (sentence.dataset.claims || '').split(' ').forEach(function (c) {
      (state.view.sentencesByClaim.get(Number(c)) || []).forEach(function (node) {
        if (seen.has(node)) return;
        seen.add(node);
        node.classList.add('px-match');
        var cell = node.closest('.px-cell');
        if (cell) cell.classList.add('px-cell--match');
      });
    });
    var support = Number(sentence.dataset.support) || 0;
    var independent = Number(sentence.dataset.independent) || support;
    var text = 'Shared by ' + support + ' of ' + state.model.stats.articles + ' sources' +
      (independent < support ? ' (' + independent + ' independent: the others carry identical wording)' : '');
    els.focus.textContent = text + (sentence.dataset.label ? ': “' + sentence.dataset.label + '”' : '');
    showTooltip(sentence, text);
  }

  function deactivate() {
    if (!active) return;
    var grid = state.view && state.view.element;
    if (grid) {
      grid.classList.remove('px-focus-mode');
      Array.prototype.forEach.call(grid.querySelectorAll('.px-match, .px-active, .px-cell--match'), function (n) {
        n.classList.remove('px-match', 'px-active', 'px-cell--match');
      });
    }
    active = null;
    els.focus.textContent = '';
    els.tooltip.hidden = true;
  }

  function showTooltip(anchor, text) {
    var tip = els.tooltip;
    tip.textContent = text;
    tip.hidden = false;
    var rect = anchor.getClientRects()[0] || anchor.getBoundingClientRect();
    var top = rect.top - tip.offsetHeight - 6;
    if (top < 4) top = rect.bottom + 6;
    var left = Math.max(4, Math.min(rect.left, window.innerWidth - tip.offsetWidth - 4));
    tip.style.top = Math.round(top) + 'px';
    tip.style.left = Math.round(left) + 'px';
  }

  function sharedSentence(target) {
    return target && target.closest ? target.closest('.px-shared') : null;
  }

  // ---- events ----------------------------------------------------------------------------

  function bind() {
    // Drops anywhere on the page add files; the drop zone shows that it is the target.
    var depth = 0;
    document.addEventListener('dragenter', function (e) {
      if (!hasFiles(e)) return;
      depth++;
      els.drop.classList.add('px-drop--over');
    });
    document.addEventListener('dragleave', function () {
      depth = Math.max(0, depth - 1);
      if (!depth) els.drop.classList.remove('px-drop--over');
    });
    document.addEventListener('dragover', function (e) {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    });
    document.addEventListener('drop', function (e) {
      e.preventDefault();
      depth = 0;
      els.drop.classList.remove('px-drop--over');
      if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length) readFiles(e.dataTransfer.files);
    });
    els.drop.addEventListener('keydown', function (e) {
      if ((e.key === 'Enter' || e.key === ' ') && e.target === els.drop) {
        e.preventDefault();
        els.file.click();
      }
    });
    els.file.addEventListener('change', function () {
      readFiles(els.file.files);
      els.file.value = '';
    });
    els.samples.addEventListener('click', loadSamples);
    els.clear.addEventListener('click', function () {
      state.inputs = [];
      analyse();
    });
    els.cancel.addEventListener('click', function () { engine.cancel(); });
    els.pasteAdd.addEventListener('click', function () {
      var text = els.pasteText.value;
      if (!text.trim()) {
        els.pasteText.focus();
        return;
      }
      var source = els.pasteName.value.trim() || 'Pasted text';
      addInputs([{ name: source.replace(/[\\/:*?"<>|]/g, '-') + '.txt', bytes: encoder.encode(text), origin: 'paste' }]);
      els.pasteText.value = '';
      els.pasteName.value = '';
    });
    els.inputs.addEventListener('click', function (e) {
      var button = e.target.closest('.px-remove');
      if (button) removeInput(Number(button.dataset.inputId));
    });

    var compare = els.compare;
    compare.addEventListener('mouseover', function (e) {
      var s = sharedSentence(e.target);
      if (s) activate(s);
      else if (!sharedSentence(document.activeElement)) deactivate();
    });
    compare.addEventListener('mouseleave', function () {
      var focused = sharedSentence(document.activeElement);
      if (focused && compare.contains(focused)) activate(focused);
      else deactivate();
    });
    compare.addEventListener('focusin', function (e) {
      var s = sharedSentence(e.target);
      if (s) activate(s);
      else deactivate();
    });
    compare.addEventListener('focusout', function (e) {
      if (!sharedSentence(e.relatedTarget)) deactivate();
    });
    compare.addEventListener('scroll', function () {
      if (active) showTooltip(active, els.tooltip.textContent);
    });
    compare.addEventListener('click', function (e) {
      var toggle = e.target.closest('.px-bp-toggle');
      if (toggle) {
        var cell = toggle.closest('.px-cell');
        var collapsed = cell.classList.toggle('px-collapsed');
        toggle.setAttribute('aria-expanded', collapsed ? 'false' : 'true');
        return;
      }
      var link = e.target.closest('.px-link');
      if (link) {
        e.preventDefault();
        var target = document.getElementById(link.dataset.target);
        if (!target) return;
        target.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' });
        target.focus({ preventScroll: true });
        target.classList.remove('px-flash');
        void target.offsetWidth; // restart the animation
        target.classList.add('px-flash');
      }
    });
    compare.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        deactivate();
        if (document.activeElement && compare.contains(document.activeElement)) document.activeElement.blur();
      }
    });
    window.addEventListener('resize', function () {
      if (active) showTooltip(active, els.tooltip.textContent);
    });
  }

  function hasFiles(e) {
    var types = e.dataTransfer && e.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, 'Files') >= 0;
  }

  function init() {
    els = {
      drop: $('px-drop'), file: $('px-file'), samples: $('px-samples'), clear: $('px-clear'),
      pasteName: $('px-paste-name'), pasteText: $('px-paste-text'), pasteAdd: $('px-paste-add'),
      inputs: $('px-inputs'), inputsEmpty: $('px-inputs-empty'), count: $('px-count'),
      notices: $('px-notices'), progress: $('px-progress'), progressText: $('px-progress-text'),
      cancel: $('px-cancel'), focus: $('px-focus'), compare: $('px-compare'), status: $('px-status'),
      tooltip: $('px-tooltip'),
    };
    bind();
    renderAll();
    // Start the engine early so the first comparison does not wait for it.
    engine.start().then(function () {
      if (!state.model) ParallaxRender.status(els.status, null, { mode: engine.mode, version: engine.versionString, message: 'Engine ready' });
    }, function (e) {
      state.pageNotices = [runErrorNotice(e)];
      showNotices();
    });
    var params = new URLSearchParams(window.location.search);
    if (!params.has('empty')) loadSamples();
  }

  // Exposed for tests and the console: read-only views of the state.
  window.ParallaxApp = {
    get model() { return state.model; },
    get inputs() { return state.inputs.map(function (i) { return { id: i.id, name: i.name, size: i.size, clientError: i.clientError }; }); },
    get engineMode() { return engine.mode; },
    get busy() { return !els.progress.hidden; },
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
