/*
 * Parallax viewer: page controller (classic script). Owns the list of inputs, asks the engine
 * (web/engine.js) for a comparison, builds the view model (web/model.js) and hands it to the
 * interactive view (web/view.js). Also: the input list (rename, reorder, remove, per-file errors),
 * file/folder drop and pickers, paste, progress with cancel, exports (web/export.js), and the
 * iframe mode (index.html?embed, protocol in docs/embedding.md).
 *
 * Inputs are kept as bytes so that adding, removing or reordering one re-runs the comparison on all;
 * the view keeps its filters, panel and scroll position across runs. Nothing is ever sent over the network.
 */
'use strict';

(function () {
  /** Files larger than this are not read at all (the engine's own limit is lower). */
  var MAX_READ_BYTES = 32 * 1024 * 1024;
  var ACCEPTED = /\.(txt|md|markdown|html?|json)$/i;

  var params = new URLSearchParams(window.location.search);
  var embedded = params.has('embed');

  var state = {
    inputs: [],        // [{id, name, bytes, size, origin: 'file'|'paste'|'sample'|'embed', clientError?, rename?}]
    nextId: 1,
    report: null,      // the engine's parallax/1 document (renames applied)
    model: null,
    runSeq: 0,
    pageNotices: [],   // whole-run notices: [{severity, title?, message}]
    engineNotice: null,
    resourceNotices: [], // cleanup: the core's warnings about the learned resources, each shown once
    lastInfo: null,
    timings: [],       // [{articles, readMs?, compareMs, renderMs, totalMs}] for tests and the console
  };

  var $ = function (id) { return document.getElementById(id); };
  var els = {};
  var view = null;
  var engine = new ParallaxEngine({
    onNotice: function (message) {
      state.engineNotice = ParallaxRender.engineNotice(message);
      showNotices();
    },
    onResourceWarnings: function (warnings) {  // cleanup
      warnings.forEach(function (message) {
        var known = state.resourceNotices.some(function (n) { return n.message === message; });
        if (!known) state.resourceNotices.push(ParallaxRender.resourceNotice(message));
      });
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

  function addInputs(items, started) {
    items.forEach(function (item) {
      state.inputs.push({
        id: state.nextId++,
        name: uniqueName(item.name),
        bytes: item.bytes || new Uint8Array(0),
        size: item.size !== undefined ? item.size : (item.bytes ? item.bytes.length : 0),
        origin: item.origin,
        clientError: item.clientError || null,
        rename: item.rename || '',
      });
    });
    analyse(started);
  }

  /** Reads File objects with a progress bar; each failure stays next to its file. */
  function readFiles(fileList) {
    var files = Array.prototype.slice.call(fileList || []);
    if (!files.length) return;
    var started = performance.now();
    var done = 0;
    var total = files.reduce(function (n, f) { return n + f.size; }, 0);
    setProgress('Reading ' + files.length + (files.length === 1 ? ' file…' : ' files…'), 0, total);
    Promise.all(files.map(function (file) {
      var name = file.relativePath || file.webkitRelativePath || file.name;
      if (file.size > MAX_READ_BYTES) {
        return Promise.resolve({ name: name, size: file.size, origin: 'file',
          clientError: 'File too large to read (' + Math.round(file.size / 1048576) + ' MB; limit 32 MB).' });
      }
      return file.arrayBuffer().then(function (buffer) {
        done += file.size;
        setProgress(null, done, total);
        return { name: name, bytes: new Uint8Array(buffer), size: file.size, origin: 'file' };
      }, function (e) {
        return { name: name, size: file.size, origin: 'file',
          clientError: 'Could not read the file: ' + (e && e.message ? e.message : 'unknown error') };
      });
    })).then(function (items) {
      var saved = items.length === 1 ? savedAnalysis(items[0]) : null;
      if (saved) openSavedAnalysis(items[0].name, saved);
      else addInputs(items, started);
    });
  }

  /** A dropped parallax/1 document (an export) is opened as it is, without re-running the engine. */
  function savedAnalysis(item) {
    if (!item.bytes || !/\.json$/i.test(item.name)) return null;
    var head = new TextDecoder().decode(item.bytes.subarray(0, 200));
    if (!/"schema"\s*:\s*"parallax\/1"/.test(head)) return null;
    try {
      var report = JSON.parse(new TextDecoder().decode(item.bytes));
      return report && report.schema === 'parallax/1' && Array.isArray(report.articles) ? report : null;
    } catch (e) {
      return null;
    }
  }

  function openSavedAnalysis(name, report) {
    state.runSeq++;
    state.stage = null;
    state.inputs = [];
    state.pageNotices = [{ severity: 'info', title: 'Saved analysis.',
      message: name + ' is a Parallax export: it is shown as saved. Drop article files to start a new comparison.' }];
    setProgress('');
    try {
      showReport(report, { message: 'Saved analysis ' + name });
    } catch (e) {
      state.pageNotices = [{ severity: 'error', title: name + ':', message: String(e && e.message || e) }];
      renderAll();
    }
  }

  /** Files of a dropped folder (recursively), keeping only the formats the engine reads. */
  function filesFromEntries(entries) {
    var out = [];
    function walk(entry, prefix) {
      if (!entry) return Promise.resolve();
      if (entry.isFile) {
        return new Promise(function (resolve) {
          entry.file(function (file) {
            if (ACCEPTED.test(file.name)) {
              try { Object.defineProperty(file, 'relativePath', { value: prefix + file.name }); } catch (e) { /* keep name */ }
              out.push(file);
            }
            resolve();
          }, function () { resolve(); });
        });
      }
      if (entry.isDirectory) {
        var reader = entry.createReader();
        return new Promise(function (resolve) {
          var all = [];
          (function next() {
            reader.readEntries(function (batch) {
              if (!batch.length) {
                all.sort(function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; });
                Promise.all(all.map(function (e) { return walk(e, prefix + entry.name + '/'); })).then(resolve);
                return;
              }
              all = all.concat(Array.prototype.slice.call(batch));
              next();
            }, function () { resolve(); });
          })();
        });
      }
      return Promise.resolve();
    }
    return Promise.all(entries.map(function (e) { return walk(e, ''); })).then(function () { return out; });
  }

  function onDrop(dataTransfer) {
    if (!dataTransfer) return;
    var items = dataTransfer.items ? Array.prototype.slice.call(dataTransfer.items) : [];
    var entries = items.map(function (i) { return i.webkitGetAsEntry ? i.webkitGetAsEntry() : null; });
    if (entries.some(function (e) { return e && e.isDirectory; })) {
      filesFromEntries(entries.filter(Boolean)).then(readFiles);
    } else if (dataTransfer.files && dataTransfer.files.length) {
      readFiles(dataTransfer.files);
    }
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

  function findInput(id) { return state.inputs.filter(function (i) { return i.id === id; })[0]; }

  function removeInput(id) {
    state.inputs = state.inputs.filter(function (i) { return i.id !== id; });
    analyse();
  }

  function moveInput(id, delta) {
    var i = state.inputs.indexOf(findInput(id));
    var j = i + delta;
    if (i < 0 || j < 0 || j >= state.inputs.length) return;
    var item = state.inputs.splice(i, 1)[0];
    state.inputs.splice(j, 0, item);
    analyse();
    // Keep the keyboard on the moved item's button.
    var button = els.inputs.querySelector('[data-input-id="' + id + '"] .px-move[data-delta="' + delta + '"]');
    if (button && !button.disabled) button.focus();
  }

  /** Renaming changes only the label (the analysis does not depend on it): no re-run needed. */
  function renameInput(id, source) {
    var input = findInput(id);
    if (!input) return;
    input.rename = String(source || '').replace(/[\u0000-\u001f]/g, ' ').trim().slice(0, 120);
    state.pageNotices = [];
    if (state.rawReport && (!state.stage || state.stage === 'complete')) showReport(state.rawReport, state.lastInfo);
    else renderInputs();
  }

  // ---- analysis --------------------------------------------------------------------------

  /** text: the label (null keeps it); done/total: a determinate bar (omit for indeterminate). */
  function setProgress(text, done, total) {
    var busy = text !== null && text !== undefined ? !!text : !els.progress.hidden;
    if (text === '') busy = false;
    els.progress.hidden = !busy;
    if (text) els.progressText.textContent = text;
    if (typeof done === 'number' && total > 0) {
      els.progressBar.max = total;
      els.progressBar.value = Math.min(done, total);
    } else if (text) {
      els.progressBar.removeAttribute('value'); // indeterminate
    }
    document.body.classList.toggle('px-busy', busy);
  }

  function analyse(started) {
    var seq = ++state.runSeq;
    var t0 = typeof started === 'number' ? started : performance.now();
    var usable = state.inputs.filter(function (i) { return !i.clientError; });
    state.pageNotices = [];
    if (!usable.length) {
      state.model = null;
      state.report = null;
      state.rawReport = null;
      setProgress('');
      if (state.inputs.length) {
        state.pageNotices.push({ severity: 'error', title: 'Nothing to compare.',
          message: 'None of the loaded files could be read.' });
      }
      renderAll();
      return;
    }
    var bytes = usable.reduce(function (n, i) { return n + i.size; }, 0);
    setProgress('Comparing ' + usable.length + (usable.length === 1 ? ' article' : ' articles') +
      ' (' + ParallaxRender.formatBytes(bytes) + ')…');
    renderInputs();
    var files = usable.map(function (i) { return { name: i.name, bytes: i.bytes }; });
    var tCompare = performance.now();
    var options = {};
    var matcher = els.matcher ? els.matcher.value : '';
    if (matcher) options.matcher = matcher;
    // The learned matcher needs its resources in the worker first (loaded once, lazily).
    var ready = matcher === 'learned' ? engine.loadResources() : Promise.resolve();
    // A small set is compared in a few hundred ms: streaming it would only delay the complete
    // render. It is compared in one go and drawn once (as is every set with index.html?nostream).
    if (params.has('nostream') || drawnWhole(usable.length, bytes)) { analyseWhole(seq, ready, files, options, t0, tCompare); return; }
    var timing = { articles: usable.length, readMs: tCompare - t0, stages: {} };
    ready.then(function () {
      return engine.compareStaged(files, options, function (stage, report, elapsedMs) {
        if (seq !== state.runSeq) return;
        timing.stages[stage] = performance.now() - t0;
        if (stage === 'complete') timing.engineMs = elapsedMs;
        showStage(seq, stage, report, timing, t0, tCompare);
      });
    }).catch(function (e) {
      if (seq !== state.runSeq) return;
      view.stopProgressive();
      showRunError(e);
    });
  }

  /** A failed run (either path): no analysis, the error as a page notice, the parent told. */
  function showRunError(e) {
    setProgress('');
    state.model = null;
    state.report = null;
    state.rawReport = null;
    state.stage = null;
    state.lastInfo = { mode: engine.mode, version: engine.versionString };
    state.pageNotices.push(runErrorNotice(e));
    postToParent({ type: 'error', code: (e && e.code) || 'error', message: String((e && e.message) || e) });
    renderAll();
  }

  /** One compare, drawn once when complete: small sets, and every set with index.html?nostream (A/B). */
  function analyseWhole(seq, ready, files, options, t0, tCompare) {
    ready.then(function () { return engine.compare(files, options); }).then(function (result) {
      if (seq !== state.runSeq) return;
      var tRender = performance.now();
      state.stage = 'complete';
      document.body.dataset.stage = 'complete';
      showReport(result.report, { elapsedMs: result.elapsedMs, mode: engine.mode, version: engine.versionString });
      setProgress('');
      var t1 = performance.now();
      state.timings.push({ articles: state.model ? state.model.articles.length : 0, readMs: tCompare - t0, firstMs: t1 - t0,
        compareMs: tRender - tCompare, engineMs: result.elapsedMs, renderMs: t1 - tRender, totalMs: t1 - t0 });
      postToParent({ type: 'analysis', articles: state.model ? state.model.articles.length : 0,
        claims: state.model ? state.model.stats.claims : 0, shared: state.model ? state.model.stats.sharedClaims : 0,
        contradictions: state.model ? state.model.contradictions.length : 0, report: state.report });
      document.dispatchEvent(new CustomEvent('parallax-analysis', { detail: { report: state.report } }));
    }).catch(function (e) {
      if (seq !== state.runSeq) return;
      showRunError(e);
    });
  }

  // ---- streamed display (docs/viewer.md "Streaming") --------------------------------------
  // Stage by stage: 'segmented' draws the columns (text, paragraphs, sentences) as soon as the
  // engine has split the articles, 'aligned' redraws them aligned with claims and ribbons,
  // 'complete' adds contradictions and stance and the panels. Each is drawn in slices
  // (ParallaxView.showProgressive), a newer stage abandons an older one still drawing, and the
  // progress line says what the engine is doing meanwhile. Cancel works throughout.
  var STAGE_PROGRESS = { segmented: 'Aligning ', aligned: 'Finding contradictions in ' };
  /** Sets of at most this many articles and bytes are compared in one go and drawn once. */
  var WHOLE_MAX_ARTICLES = 10;
  var WHOLE_MAX_BYTES = 64 * 1024;

  function drawnWhole(articles, bytes) {
    return articles <= WHOLE_MAX_ARTICLES && bytes <= WHOLE_MAX_BYTES;
  }

  function showStage(seq, stage, raw, timing, t0, tCompare) {
    var model;
    var report = withRenames(raw);
    try {
      model = ParallaxModel.build(report);
    } catch (e) {
      state.runSeq++;
      engine.cancel();
      view.stopProgressive();
      setProgress('');
      state.pageNotices.push(runErrorNotice(e));
      renderAll();
      return;
    }
    state.stage = stage;
    document.body.dataset.stage = stage;
    var n = model.articles.length;
    var complete = stage === 'complete';
    if (!complete) {
      setProgress((STAGE_PROGRESS[stage] || 'Comparing ') + n + (n === 1 ? ' article…' : ' articles…'));
    } else {
      setProgress('Drawing ' + n + (n === 1 ? ' article…' : ' articles…'));
    }
    var tRender = performance.now();
    state.rawReport = raw;
    state.report = complete ? report : null; // exports and the embedding API see finished reports only
    state.model = model;
    showNotices();
    [els.exportJson, els.exportCsv, els.exportHtml].forEach(function (b) { b.disabled = true; });
    document.body.dataset.state = 'streaming';
    view.showProgressive(model, {
      stage: stage,
      preview: stage === 'segmented',
      onFirstSlice: function () {
        if (timing.firstMs === undefined) timing.firstMs = performance.now() - t0;
      },
    }).then(function () {
      if (seq !== state.runSeq) return;
      timing.shown = timing.shown || {};
      timing.shown[stage] = performance.now() - t0;
      document.dispatchEvent(new CustomEvent('parallax-stage', { detail: { stage: stage, articles: model.articles.length } }));
      if (!complete) {
        // The input list with per-file notices (known from the first stage), once its columns are drawn.
        if (stage === 'segmented') renderInputs();
        ParallaxRender.status(els.status, model, { message: stage === 'segmented' ? 'Aligning…' : 'Finding contradictions…',
          mode: engine.mode, version: engine.versionString });
        return;
      }
      state.lastInfo = { elapsedMs: timing.engineMs, mode: engine.mode, version: engine.versionString };
      if (model.articles.length === 1) {
        state.pageNotices.push({ severity: 'info', title: 'One article.',
          message: 'Add at least one more article about the same event to see what the sources share.' });
      }
      finishRender();
      setProgress('');
      var t1 = performance.now();
      timing.compareMs = tRender - tCompare;
      timing.renderMs = t1 - tRender;
      timing.totalMs = t1 - t0;
      timing.articles = model.articles.length;
      state.timings.push(timing);
      postToParent({ type: 'analysis', articles: model.articles.length, claims: model.stats.claims, shared: model.stats.sharedClaims,
        contradictions: model.contradictions.length, report: state.report });
      document.dispatchEvent(new CustomEvent('parallax-analysis', { detail: { report: state.report } }));
    });
  }

  /** renderAll() without redrawing the view (already drawn by showProgressive). */
  function finishRender() {
    renderInputs();
    showNotices();
    ParallaxRender.status(els.status, state.model, state.lastInfo);
    [els.exportJson, els.exportCsv, els.exportHtml].forEach(function (b) { b.disabled = !state.model; });
    document.body.dataset.state = state.model ? 'ready' : 'empty';
  }

  /** The engine's report with the user's source renames applied. */
  function withRenames(report) {
    var byName = {};
    state.inputs.forEach(function (i) { if (i.rename) byName[i.name] = i.rename; });
    if (!Object.keys(byName).length) return report;
    var copy = JSON.parse(JSON.stringify(report));
    (copy.articles || []).forEach(function (a) {
      var name = String(a.name || '');
      var rename = byName[name] || byName[name.split('#')[0]];
      if (rename) a.source = rename;
    });
    return copy;
  }

  function showReport(raw, info) {
    state.rawReport = raw;
    state.report = withRenames(raw);
    state.model = ParallaxModel.build(state.report);
    state.lastInfo = info;
    if (state.model.articles.length === 1) {
      state.pageNotices.push({ severity: 'info', title: 'One article.',
        message: 'Add at least one more article about the same event to see what the sources share.' });
    }
    renderAll();
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
    var items = (state.engineNotice ? [state.engineNotice] : []).concat(state.resourceNotices, state.pageNotices);
    // Notices about files that are not in the list are shown at page level.
    if (state.model) {
      var names = {};
      state.inputs.forEach(function (i) { names[i.name] = true; });
      state.model.notices.forEach(function (n) {
        if (!names[n.file] && !names[n.file.split('#')[0]]) {
          items.push(ParallaxRender.fileNotice(n));
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
    renderInputs();
    showNotices();
    if (state.model && state.model.articles.length) view.show(state.model);
    else view.clear(state.inputs.length ? 'No comparison to show.' : null);
    ParallaxRender.status(els.status, state.model, state.lastInfo);
    var exportable = !!state.model;
    [els.exportJson, els.exportCsv, els.exportHtml].forEach(function (b) { b.disabled = !exportable; });
    document.body.dataset.state = state.model ? 'ready' : 'empty';
  }

  function baseName() {
    var names = state.model ? state.model.articles.map(function (a) { return a.source; }) : [];
    var stem = names.slice(0, 3).join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return 'parallax-' + (stem || 'comparison');
  }

  // ---- iframe mode (index.html?embed): a small postMessage protocol ----------------------------
  //   parent -> frame  {parallax: 1, type: 'load', articles: [{name, text?|bytes?, source?}], append?: bool}
  //                    {parallax: 1, type: 'select', article, paragraph, sentence}
  //                    {parallax: 1, type: 'export', format: 'json'|'csv'|'html'}
  //   frame -> parent  {parallax: 1, type: 'ready', version}
  //                    {parallax: 1, type: 'analysis', articles, claims, shared, contradictions, report}
  //                    {parallax: 1, type: 'select', article, paragraph, sentence, text, claims, source}
  //                    {parallax: 1, type: 'export', format, text}
  //                    {parallax: 1, type: 'error', code, message}
  var parentOrigin = '*';
  function postToParent(message) {
    if (!embedded || window.parent === window) return;
    message.parallax = 1;
    try { window.parent.postMessage(message, parentOrigin); } catch (e) { /* the parent went away */ }
  }

  function onParentMessage(event) {
    if (event.source !== window.parent) return;
    var data = event.data;
    if (!data || data.parallax !== 1 || typeof data.type !== 'string') return;
    // Reply only to the origin that talks to us (file:// pages have the opaque origin "null").
    parentOrigin = event.origin && event.origin !== 'null' ? event.origin : '*';
    switch (data.type) {
      case 'load': {
        var list = Array.isArray(data.articles) ? data.articles : [];
        if (!data.append) state.inputs = [];
        addInputs(list.map(function (a, i) {
          a = a || {};
          var bytes = a.bytes instanceof Uint8Array ? a.bytes : a.bytes instanceof ArrayBuffer ? new Uint8Array(a.bytes)
            : encoder.encode(String(a.text || ''));
          return { name: String(a.name || 'article-' + (i + 1) + '.txt'), bytes: bytes, origin: 'embed', rename: a.source ? String(a.source) : '' };
        }));
        break;
      }
      case 'select':
        if (state.model) view.select([data.article, data.paragraph, data.sentence].map(Number).join(':'));
        break;
      case 'export':
        if (!state.model) { postToParent({ type: 'error', code: 'no_analysis', message: 'Nothing to export yet.' }); break; }
        postToParent({ type: 'export', format: data.format, text: exportText(data.format) });
        break;
      default:
        postToParent({ type: 'error', code: 'unknown_type', message: 'Unknown message type: ' + data.type });
    }
  }

  function exportText(format) {
    if (format === 'csv') return ParallaxExport.csv(state.model);
    if (format === 'html') return ParallaxExport.html(state.model, state.report);
    return ParallaxExport.json(state.report);
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
      onDrop(e.dataTransfer);
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
    els.folder.addEventListener('change', function () {
      readFiles(Array.prototype.filter.call(els.folder.files, function (f) { return ACCEPTED.test(f.name); }));
      els.folder.value = '';
    });
    els.samples.addEventListener('click', loadSamples);
    els.clear.addEventListener('click', function () {
      state.inputs = [];
      analyse();
    });
    els.cancel.addEventListener('click', function () {
      state.runSeq++;
      engine.cancel();
      var partial = !!state.stage && state.stage !== 'complete';
      // A stage still drawing is finished at once (its text stays readable); nothing more is drawn.
      if (view.job && state.model) view.show(state.model, state.stage || 'complete');
      if (partial) view.stopped();
      setProgress('');
      state.pageNotices = [{ severity: 'info', title: 'Cancelled.', message: partial
        ? 'The comparison was stopped after the ' + state.stage + ' stage: what is shown is incomplete. The articles are still listed.'
        : 'The comparison was stopped; the articles are still listed.' }];
      showNotices();
      document.body.dataset.state = state.model ? (partial ? 'partial' : 'ready') : 'empty';
    });
    els.pasteAdd.addEventListener('click', function () {
      var text = els.pasteText.value;
      if (!text.trim()) {
        els.pasteText.focus();
        return;
      }
      var source = els.pasteName.value.trim() || 'Pasted text';
      addInputs([{ name: source.replace(/[\\/:*?"<>|]/g, '-') + '.txt', bytes: encoder.encode(text), origin: 'paste',
        rename: els.pasteName.value.trim() }]);
      els.pasteText.value = '';
      els.pasteName.value = '';
    });
    els.inputs.addEventListener('click', function (e) {
      var remove = e.target.closest('.px-remove');
      if (remove) { removeInput(Number(remove.dataset.inputId)); return; }
      var move = e.target.closest('.px-move');
      if (move) { moveInput(Number(move.dataset.inputId), Number(move.dataset.delta)); return; }
    });
    els.inputs.addEventListener('change', function (e) {
      var field = e.target.closest('.px-rename');
      // Deferred: re-rendering the list removes the field, which must not happen inside its own event.
      if (field) { var id = Number(field.dataset.inputId); var value = field.value; setTimeout(function () { renameInput(id, value); }, 0); }
    });
    els.inputs.addEventListener('keydown', function (e) {
      var field = e.target.closest('.px-rename');
      if (field && e.key === 'Enter') { e.preventDefault(); field.blur(); } // blur fires 'change'
    });
    els.exportJson.addEventListener('click', function () {
      ParallaxExport.download(baseName() + '.json', exportText('json'), 'application/json');
    });
    els.exportCsv.addEventListener('click', function () {
      ParallaxExport.download(baseName() + '-coverage.csv', exportText('csv'), 'text/csv');
    });
    els.exportHtml.addEventListener('click', function () {
      ParallaxExport.download(baseName() + '-report.html', exportText('html'), 'text/html');
    });
    els.print.addEventListener('click', function () { window.print(); });
    els.matcher.addEventListener('change', function () { if (state.inputs.length) analyse(); });
    els.view.addEventListener('parallax-select', function (e) {
      var d = e.detail;
      postToParent({ type: 'select', article: d.article, paragraph: d.paragraph, sentence: d.sentence, text: d.text,
        claims: d.claims, source: d.source });
    });
    if (embedded) window.addEventListener('message', onParentMessage);
  }

  function hasFiles(e) {
    var types = e.dataTransfer && e.dataTransfer.types;
    return !!types && Array.prototype.indexOf.call(types, 'Files') >= 0;
  }

  function init() {
    els = {
      drop: $('px-drop'), file: $('px-file'), folder: $('px-folder'), samples: $('px-samples'), clear: $('px-clear'),
      pasteName: $('px-paste-name'), pasteText: $('px-paste-text'), pasteAdd: $('px-paste-add'),
      inputs: $('px-inputs'), inputsEmpty: $('px-inputs-empty'), count: $('px-count'),
      notices: $('px-notices'), progress: $('px-progress'), progressText: $('px-progress-text'), progressBar: $('px-progress-bar'),
      cancel: $('px-cancel'), view: $('px-view'), status: $('px-status'), matcher: $('px-matcher'),
      exportJson: $('px-export-json'), exportCsv: $('px-export-csv'), exportHtml: $('px-export-html'), print: $('px-print'),
    };
    if (embedded) document.body.classList.add('px-embedded');
    view = new ParallaxView(els.view, { engine: engine, host: els.view });
    bind();
    renderAll();
    // Start the engine early so the first comparison does not wait for it.
    engine.start().then(function () {
      if (!state.model) ParallaxRender.status(els.status, null, { mode: engine.mode, version: engine.versionString, message: 'Engine ready' });
      postToParent({ type: 'ready', version: engine.versionString });
    }, function (e) {
      state.pageNotices = [runErrorNotice(e)];
      showNotices();
      postToParent({ type: 'error', code: (e && e.code) || 'engine_missing', message: String((e && e.message) || e) });
    });
    if (!params.has('empty') && !embedded) loadSamples();
  }

  // Exposed for tests and the console: read-only views of the state.
  window.ParallaxApp = {
    get model() { return state.model; },
    get report() { return state.report; },
    get inputs() { return state.inputs.map(function (i) { return { id: i.id, name: i.name, size: i.size, clientError: i.clientError, rename: i.rename }; }); },
    get engineMode() { return engine.mode; },
    get busy() { return !els.progress.hidden; },
    get stage() { return state.stage || null; }, // streamed run: 'segmented' | 'aligned' | 'complete'
    get timings() { return state.timings.slice(); },
    get view() { return view; },
    engine: engine,
    exportText: function (format) { return state.model ? exportText(format) : null; },
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
