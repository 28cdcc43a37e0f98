/*
 * ParallaxEngine: the one place that starts the analysis worker (classic script, global).
 *
 *   var engine = new ParallaxEngine();
 *   engine.compare([{name: 'a.txt', bytes: Uint8Array}], {}).then(function (r) { r.report; r.elapsedMs; });
 *   engine.compareStaged(files, {}, function (stage, report, elapsedMs) {}).then(function (r) { r.elapsedMs; });
 *   engine.version().then(function (v) {});
 *   engine.mode   // 'worker' | 'blob-worker' | 'main-thread' once started
 *
 * Errors reject with an Error carrying `.code` (the worker's code, or 'cancelled', 'worker_crashed',
 * 'engine_missing').
 *
 * How the engine is started, in order (see shared/toolchain.md on file://):
 *   1. `new Worker('web/worker.js')`: works over http(s), also under the strict CSP.
 *   2. file:// (where 1 throws in Chromium): load web/dist/worker-bundle.js with a <script> element
 *      and start a Worker from a Blob URL of that source.
 *   3. If no worker can run: load web/dist/parallax-core.js with a <script> element and run the
 *      engine on the main thread. `onNotice` is called so the page can say so.
 */
'use strict';

var ParallaxEngine = (function () {
  // Everything is found relative to this script (web/engine.js, or a bundle in web/dist/), so the
  // page works from any sub-path of a static host and inside a host page that loads it from elsewhere.
  var BASE = (function () {
    if (typeof window !== 'undefined' && typeof window.PARALLAX_BASE === 'string') return window.PARALLAX_BASE;
    var script = typeof document !== 'undefined' ? document.currentScript : null;
    if (!script || !script.src) return 'web/';
    var url = script.src.replace(/[?#].*$/, '');
    url = url.slice(0, url.lastIndexOf('/') + 1);
    return /\/dist\/$/.test(url) ? url.slice(0, -5) : url;
  })();
  var WORKER_URL = BASE + 'worker.js';
  var BUNDLE_URL = BASE + 'dist/worker-bundle.js';
  var GLUE_URL = BASE + 'dist/parallax-core.js';
  var RESOURCES_URL = BASE + 'dist/resources.js';

  function base64Bytes(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function engineError(code, message) {
    var error = new Error(message);
    error.code = code;
    return error;
  }

  /** Loads a classic script once; resolves when it ran, rejects when it failed to load. */
  var scriptPromises = {};
  function loadScript(src) {
    if (scriptPromises[src]) return scriptPromises[src];
    scriptPromises[src] = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = function () { resolve(); };
      script.onerror = function () {
        delete scriptPromises[src];
        reject(engineError('engine_missing', 'Could not load ' + src +
          '. Build the engine, then run `node scripts/build-web.mjs`.'));
      };
      document.head.appendChild(script);
    });
    return scriptPromises[src];
  }

  /**
   * A started worker plus its request-id map. Resolves `ready` after a 'version' round trip, so a
   * worker that cannot load (404, CSP, missing glue) is detected before any real request.
   */
  function WorkerChannel(worker, mode) {
    var self = this;
    this.worker = worker;
    this.mode = mode;
    this.pending = new Map();
    this.nextId = 1;
    this.dead = false;
    worker.onmessage = function (event) {
      var data = event.data || {};
      var entry = self.pending.get(data.id);
      if (!entry) return;
      if (data.stage) { // a stage of a staged compare: the request stays pending
        if (entry.onStage) entry.onStage(data.stage);
        return;
      }
      self.pending.delete(data.id);
      if (data.error) entry.reject(engineError(data.error.code || 'internal', data.error.message || 'Worker error'));
      else entry.resolve(data.result);
    };
    worker.onerror = function (event) {
      if (event && event.preventDefault) event.preventDefault();
      self.kill(engineError('worker_crashed', 'The analysis worker stopped' +
        (event && event.message ? ': ' + event.message : '.')));
    };
    this.ready = this.request('version');
  }
  WorkerChannel.prototype.request = function (type, payload, onStage) {
    var self = this;
    if (this.dead) return Promise.reject(engineError('worker_crashed', 'The analysis worker is not running.'));
    return new Promise(function (resolve, reject) {
      var id = self.nextId++;
      self.pending.set(id, { resolve: resolve, reject: reject, onStage: onStage });
      try {
        self.worker.postMessage({ id: id, type: type, payload: payload });
      } catch (e) {
        self.pending.delete(id);
        reject(engineError('bad_request', 'Could not send the request to the worker: ' + (e && e.message)));
      }
    });
  };
  /** Terminates the worker and rejects every pending request with `error`. */
  WorkerChannel.prototype.kill = function (error) {
    if (this.dead) return;
    this.dead = true;
    try { this.worker.terminate(); } catch (e) { /* already gone */ }
    this.pending.forEach(function (entry) { entry.reject(error); });
    this.pending.clear();
  };

  /** Runs the glue on the main thread with the same request interface as a worker. */
  function MainThreadChannel() {
    this.mode = 'main-thread';
    this.dead = false;
    this.module = null;
    var self = this;
    this.ready = loadScript(GLUE_URL).then(function () {
      if (typeof window.createParallaxCore !== 'function') {
        throw engineError('engine_missing', GLUE_URL + ' did not define createParallaxCore.');
      }
      // Same reason as in web/worker.js: keep the glue from fetch()ing its embedded data: URL,
      // which a strict CSP refuses. fetch is restored once the module has started.
      var savedFetch = window.fetch;
      try { window.fetch = undefined; } catch (e) { /* ignore */ }
      return window.createParallaxCore({ print: function () {}, printErr: function () {} }).then(
        function (Module) { window.fetch = savedFetch; self.module = Module; return String(Module.version()); },
        function (e) { window.fetch = savedFetch; throw engineError('engine_load_failed', String(e && e.message || e)); }
      );
    });
  }
  MainThreadChannel.prototype.request = function (type, payload, onStage) {
    var self = this;
    return this.ready.then(function () {
      // Let the page paint its progress text before the (blocking) call.
      return new Promise(function (resolve) { setTimeout(resolve, 30); });
    }).then(function () {
      var Module = self.module;
      switch (type) {
        case 'version':
          return String(Module.version());
        case 'compareStaged': {
          // The main thread cannot paint between stages of one blocking call: the complete stage only.
          var began = performance.now();
          var staged = Module.compare(payload.files, JSON.stringify(payload.options || {}));
          if (!staged || staged.ok !== true) throw engineError((staged && staged.code) || 'engine_error', (staged && staged.message) || 'The analysis failed.');
          var spent = performance.now() - began;
          if (onStage) onStage({ name: 'complete', json: staged.json, elapsedMs: spent });
          return { stages: 1, elapsedMs: spent };
        }
        case 'compare': {
          var started = performance.now();
          var out;
          try {
            out = Module.compare(payload.files, JSON.stringify(payload.options || {}));
          } catch (e) {
            throw engineError('engine_crash', 'The analysis engine stopped unexpectedly: ' + String(e && e.message || e));
          }
          var elapsedMs = performance.now() - started;
          if (!out || out.ok !== true) throw engineError((out && out.code) || 'engine_error', (out && out.message) || 'The analysis failed.');
          return { report: JSON.parse(out.json), elapsedMs: elapsedMs };
        }
        case 'stance':
        case 'match': {
          var fn = type === 'stance' ? 'stanceJsonl' : 'matchJsonl';
          var record = type === 'stance' ? { id: 0, claim: String(payload.claim), body: String(payload.body) }
            : { id: 0, a: String(payload.a), b: String(payload.b) };
          var parsed = JSON.parse(String(Module[fn](JSON.stringify(record))).split('\n')[0]);
          if (parsed.error) throw engineError(parsed.error.code || 'engine_error', parsed.error.message || 'The request failed.');
          delete parsed.id;
          return parsed;
        }
        case 'loadResources': {
          if (typeof Module.loadResources !== 'function') return { matcher: 'baseline' };
          var loaded = Module.loadResources(payload.files);
          if (!loaded.ok) throw engineError(loaded.code, loaded.message);
          var warnings = [];  // cleanup: Resources::warnings(), as the worker reports them
          for (var w = 0; loaded.warnings && w < loaded.warnings.length; w++) warnings.push(String(loaded.warnings[w]));
          return { matcher: String(loaded.matcher || 'learned'), warnings: warnings };
        }
        default:
          throw engineError('unknown_type', 'Unknown request type: ' + String(type));
      }
    });
  };
  MainThreadChannel.prototype.kill = function () { /* cannot interrupt the main thread */ };

  function tryNormalWorker() {
    var worker = new Worker(WORKER_URL); // throws on file:// in Chromium
    var channel = new WorkerChannel(worker, 'worker');
    return channel.ready.then(function () { return channel; }, function (e) { channel.kill(e); throw e; });
  }

  function tryBlobWorker() {
    return loadScript(BUNDLE_URL).then(function () {
      if (typeof window.PARALLAX_WORKER_SOURCE !== 'string') {
        throw engineError('engine_missing', BUNDLE_URL + ' did not define PARALLAX_WORKER_SOURCE.');
      }
      var url = URL.createObjectURL(new Blob([window.PARALLAX_WORKER_SOURCE], { type: 'text/javascript' }));
      var worker;
      try {
        worker = new Worker(url);
      } finally {
        // The worker has fetched its script once it runs; revoke after a tick either way.
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      }
      var channel = new WorkerChannel(worker, 'blob-worker');
      return channel.ready.then(function () { return channel; }, function (e) { channel.kill(e); throw e; });
    });
  }

  /**
   * @param {{onNotice?: function(string): void, onResourceWarnings?: function(string[]): void}} [options]
   *   onNotice receives a user-facing sentence when the engine has to fall back to the main thread;
   *   onResourceWarnings the core's warnings about the learned resources (e.g. an old WordNet read
   *   with fallbacks), once per load that has any.
   */
  function Engine(options) {
    this.options = options || {};
    this.channel = null;
    this.starting = null;
    this.mode = null;
    this.versionString = null;
  }

  /** Starts the engine (idempotent). Resolves with the mode used. */
  Engine.prototype.start = function () {
    var self = this;
    if (this.starting) return this.starting;
    var attempts = [];
    this.starting = Promise.resolve()
      .then(tryNormalWorker)
      .catch(function (e) { attempts.push(e); return tryBlobWorker(); })
      .catch(function (e) {
        attempts.push(e);
        var channel = new MainThreadChannel();
        return channel.ready.then(function () {
          if (self.options.onNotice) {
            self.options.onNotice('The analysis runs on the main thread because this browser refused to start ' +
              'a background worker here; the page may pause while it compares articles.');
          }
          return channel;
        });
      })
      .then(function (channel) {
        self.channel = channel;
        self.mode = channel.mode;
        return channel.ready.then(function (version) {
          self.versionString = version;
          return channel.mode;
        });
      }, function (e) {
        self.starting = null; // allow a retry (e.g. after the engine is built)
        var reasons = attempts.map(function (a) { return a && a.message; }).filter(Boolean);
        var error = engineError((e && e.code) || 'engine_missing', (e && e.message) || 'The engine could not start.');
        error.attempts = reasons;
        throw error;
      });
    return this.starting;
  };

  Engine.prototype.request = function (type, payload, onStage) {
    var self = this;
    return this.start().then(function () {
      if (self.channel.dead) {
        // A crashed or cancelled worker is replaced on the next request.
        self.starting = null;
        self.channel = null;
        return self.start().then(function () { return self.channel.request(type, payload, onStage); });
      }
      return self.channel.request(type, payload, onStage);
    });
  };

  // ---- staged compare (owner: stream, docs/viewer.md "Streaming") ----
  /**
   * Compares articles, reporting each stage as the worker finishes it:
   * onStage(name, report, elapsedMs) for 'segmented' (articles, paragraphs, sentences), 'aligned'
   * (+ claims, rows, links, reuse) and 'complete' (+ divergences and stance: the report compare()
   * gives). A report that fails to parse rejects the promise. Resolves {stages, elapsedMs}.
   * cancel() stops it at any stage (code 'cancelled').
   */
  Engine.prototype.compareStaged = function (files, options, onStage) {
    var failure = null;
    return this.request('compareStaged', { files: files, options: options || {} }, function (stage) {
      if (failure) return;
      var report;
      try {
        report = JSON.parse(stage.json);
      } catch (e) {
        failure = engineError('bad_report', 'The engine returned a report that is not valid JSON.');
        return;
      }
      onStage(stage.name, report, stage.elapsedMs);
    }).then(function (result) {
      if (failure) throw failure;
      return result;
    });
  };
  // ---- end staged compare ----

  /**
   * Compares articles.
   * @param {Array<{name: string, bytes: Uint8Array}>} files
   * @param {object} [options] engine options (sent as JSON)
   * @returns {Promise<{report: object, elapsedMs: number}>}
   */
  Engine.prototype.compare = function (files, options) {
    return this.request('compare', { files: files, options: options || {} });
  };

  /**
   * How does an article body treat a claim? Resolves {label: agree|disagree|discuss|unrelated,
   * related, scores?, evidence?: {text, start, end}}.
   */
  Engine.prototype.stance = function (claim, body) {
    var self = this;
    // The learned stance model comes with the other resources (loaded once, lazily).
    return this.loadResources().then(function () {
      return self.request('stance', { claim: String(claim), body: String(body) });
    });
  };

  /**
   * Loads the learned resources (matcher and stance models) once per worker: web/dist/resources.js (a classic script
   * with the bytes in base64, so it works from file://) is fetched lazily, on the first call.
   * Resolves {matcher, warnings}; resolves {matcher: 'baseline'} when the resources were not built.
   */
  Engine.prototype.loadResources = function () {
    var self = this;
    return this.start().then(function () {
      var channel = self.channel;
      if (channel.dead) return self.request('version').then(function () { return self.loadResources(); });
      if (channel.resources) return channel.resources;
      channel.resources = loadScript(RESOURCES_URL).then(function () {
        var list = window.PARALLAX_RESOURCES;
        if (!Array.isArray(list) || !list.length) return { matcher: 'baseline' };
        return channel.request('loadResources', {
          files: list.map(function (r) { return { name: r.name, bytes: base64Bytes(r.base64) }; }),
        });
      }, function () { return { matcher: 'baseline' }; });
      channel.resources.then(function (r) {
        self.matcher = r.matcher;
        // cleanup: the core's resource warnings, told to the page once per load
        if (r.warnings && r.warnings.length && self.options.onResourceWarnings) self.options.onResourceWarnings(r.warnings.slice());
      }, function () { channel.resources = null; });
      return channel.resources;
    });
  };

  /** Do two sentences make the same claim? Uses the learned matcher (loaded lazily). {same, score} */
  Engine.prototype.match = function (a, b) {
    var self = this;
    return this.loadResources().then(function () { return self.request('match', { a: String(a), b: String(b) }); });
  };

  /** @returns {Promise<string>} the engine's version string. */
  Engine.prototype.version = function () {
    return this.request('version');
  };

  /**
   * Stops a running analysis by terminating the worker (pending requests reject with code
   * 'cancelled'); the next request starts a fresh worker. No effect on the main-thread fallback.
   */
  Engine.prototype.cancel = function () {
    if (this.channel && this.channel.mode !== 'main-thread') {
      this.channel.kill(engineError('cancelled', 'The analysis was cancelled.'));
    }
  };

  /** The folder this script was loaded from (…/web/), where worker.js, style.css and dist/ live. */
  Engine.BASE = BASE;

  return Engine;
})();
