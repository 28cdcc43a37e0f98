/*
 * Parallax analysis worker (classic worker script).
 *
 * The only code that touches the Emscripten glue (style-anchors lesson 7): it creates the
 * module once, memoises it and answers requests from web/engine.js.
 *
 * Protocol (lesson 8):
 *   request  {id, type: 'compare' | 'version', payload}
 *   reply    {id, result} or {id, error: {code, message}}
 *   'version' payload: none                          -> result: "0.1.0" (engine version string)
 *   'compare' payload: {files: [{name, bytes: Uint8Array}], options: {}}
 *                                                    -> result: {report: <parallax/1 object>, elapsedMs}
 *   'compareStaged' payload: as 'compare'            -> {id, stage: {name, json, elapsedMs}} per stage
 *                                                       ('segmented', 'aligned', 'complete'), then
 *                                                       result: {stages, elapsedMs}
 *   'stance'  payload: {claim, body}                 -> result: {label, related, scores?, evidence?}
 *   'match'   payload: {a, b}                        -> result: {same, score}
 *   'loadResources' payload: {files: [{name, bytes}]} -> result: {matcher, warnings: [string]} (learned matcher for match/compare)
 *
 * Started two ways:
 *   - as a normal worker (`new Worker('web/worker.js')`, http/https): the glue is loaded with
 *     importScripts('dist/parallax-core.js'), relative to this file;
 *   - from a Blob URL of web/dist/worker-bundle.js (file://): the glue is prepended to this source,
 *     so createParallaxCore is already defined.
 */
'use strict';

(function (scope) {
  // The worker never needs the network. The SINGLE_FILE glue would first try fetch('data:...') for
  // its embedded wasm: a strict CSP (connect-src 'self') refuses that and reports a violation before
  // the glue falls back to decoding the base64 itself. Without fetch it decodes directly.
  try {
    scope.fetch = undefined;
  } catch (e) {
    /* read-only in some engines: the glue's own fallback still works */
  }

  var modulePromise = null;

  function fail(code, message) {
    var error = new Error(message);
    error.code = code;
    return error;
  }

  /** Creates the engine module once; a failed or crashed module is dropped so the next call retries. */
  function getModule() {
    if (modulePromise) return modulePromise;
    modulePromise = new Promise(function (resolve, reject) {
      if (typeof scope.createParallaxCore !== 'function') {
        try {
          scope.importScripts('dist/parallax-core.js');
        } catch (e) {
          reject(fail('engine_missing', 'Could not load the analysis engine (web/dist/parallax-core.js): ' +
            'run `node scripts/build-web.mjs` after building the engine. (' + String(e && e.message || e) + ')'));
          return;
        }
      }
      if (typeof scope.createParallaxCore !== 'function') {
        reject(fail('engine_missing', 'web/dist/parallax-core.js did not define createParallaxCore.'));
        return;
      }
      scope.createParallaxCore({
        print: function () {},
        printErr: function (text) { if (scope.console) scope.console.warn('[parallax-core] ' + text); },
      }).then(resolve, function (e) {
        reject(fail('engine_load_failed', 'The analysis engine failed to start: ' + String(e && e.message || e)));
      });
    });
    modulePromise.catch(function () { modulePromise = null; });
    return modulePromise;
  }

  function now() {
    return scope.performance && scope.performance.now ? scope.performance.now() : Date.now();
  }

  /** The files of a request as the engine takes them: a name and bytes (empty when absent). */
  function engineInputs(files) {
    return files.map(function (f) {
      var bytes = f && f.bytes instanceof Uint8Array ? f.bytes : new Uint8Array(0);
      return { name: String((f && f.name) || 'untitled'), bytes: bytes };
    });
  }

  function compare(payload) {
    var files = payload && Array.isArray(payload.files) ? payload.files : null;
    if (!files) return Promise.reject(fail('bad_request', 'compare needs payload.files (an array).'));
    var optionsJson = JSON.stringify((payload && payload.options) || {});
    return getModule().then(function (Module) {
      var input = engineInputs(files);
      var started = now();
      var out;
      try {
        out = Module.compare(input, optionsJson);
      } catch (e) {
        modulePromise = null; // an aborted Emscripten module cannot be reused
        throw fail('engine_crash', 'The analysis engine stopped unexpectedly: ' + String(e && e.message || e));
      }
      var elapsedMs = now() - started;
      if (!out || out.ok !== true) {
        throw fail((out && out.code) || 'engine_error', (out && out.message) || 'The analysis failed.');
      }
      var report;
      try {
        report = JSON.parse(out.json);
      } catch (e) {
        throw fail('bad_report', 'The engine returned a report that is not valid JSON.');
      }
      return { report: report, elapsedMs: elapsedMs };
    });
  }

  // ---- staged compare (owner: stream, docs/viewer.md "Streaming") ----
  /**
   * compare, posting each stage as the engine finishes it: {id, stage: {name, json, elapsedMs}}
   * for 'segmented', 'aligned' and 'complete' (json: the parallax/1 text so far, parsed by the
   * page, so only a string crosses threads), then the reply {id, result: {stages, elapsedMs}}.
   * An engine without compareStaged (an older build) posts the complete stage only.
   */
  function compareStaged(id, payload) {
    var files = payload && Array.isArray(payload.files) ? payload.files : null;
    if (!files) return Promise.reject(fail('bad_request', 'compareStaged needs payload.files (an array).'));
    var optionsJson = JSON.stringify((payload && payload.options) || {});
    return getModule().then(function (Module) {
      var input = engineInputs(files);
      var started = now();
      var stages = 0;
      function post(name, json) {
        stages++;
        scope.postMessage({ id: id, stage: { name: String(name), json: json, elapsedMs: now() - started } });
      }
      var out;
      try {
        if (typeof Module.compareStaged === 'function') out = Module.compareStaged(input, optionsJson, post);
        else {
          out = Module.compare(input, optionsJson);
          if (out && out.ok === true) post('complete', out.json);
        }
      } catch (e) {
        modulePromise = null; // an aborted Emscripten module cannot be reused
        throw fail('engine_crash', 'The analysis engine stopped unexpectedly: ' + String(e && e.message || e));
      }
      if (!out || out.ok !== true) {
        throw fail((out && out.code) || 'engine_error', (out && out.message) || 'The analysis failed.');
      }
      return { stages: stages, elapsedMs: now() - started };
    });
  }
  // ---- end staged compare ----

  /** One line through a JSONL function ('matchJsonl' | 'stanceJsonl'); the parsed result without its id. */
  function single(fn, record) {
    return getModule().then(function (Module) {
      var line = String(Module[fn](JSON.stringify(record)) || '').split('\n')[0];
      var parsed;
      try {
        parsed = JSON.parse(line);
      } catch (e) {
        throw fail('bad_report', 'The engine returned a line that is not JSON.');
      }
      if (parsed && parsed.error) throw fail(parsed.error.code || 'engine_error', parsed.error.message || 'The request failed.');
      delete parsed.id;
      return parsed;
    });
  }

  /**
   * Hands the learned matcher's resources ([{name, bytes}]) to the core; result {matcher, warnings}
   * (warnings: the core's messages about resources loaded in a reduced form, strings; cleanup).
   */
  function loadResources(payload) {
    var files = payload && Array.isArray(payload.files) ? payload.files : [];
    return getModule().then(function (Module) {
      if (typeof Module.loadResources !== 'function') return { matcher: 'baseline' };
      var out = Module.loadResources(files.map(function (f) { return { name: String(f.name), bytes: f.bytes }; }));
      if (!out || out.ok !== true) throw fail((out && out.code) || 'invalid_argument', (out && out.message) || 'Bad resources.');
      return { matcher: String(out.matcher || 'learned'), warnings: warningList(out.warnings) };
    });
  }

  // ---- cleanup: Resources::warnings() as plain strings (an older module has none) ----
  function warningList(warnings) {
    var list = [];
    if (warnings && typeof warnings.length === 'number') {
      for (var i = 0; i < warnings.length; i++) list.push(String(warnings[i]));
    }
    return list;
  }
  // ---- end cleanup

  function handle(type, payload, id) {
    switch (type) {
      case 'compareStaged':
        return compareStaged(id, payload);
      case 'version':
        return getModule().then(function (Module) { return String(Module.version()); });
      case 'compare':
        return compare(payload);
      case 'stance':
        return single('stanceJsonl', { id: 0, claim: String(payload && payload.claim || ''), body: String(payload && payload.body || '') });
      case 'match':
        return single('matchJsonl', { id: 0, a: String(payload && payload.a || ''), b: String(payload && payload.b || '') });
      case 'loadResources':
        return loadResources(payload);
      default:
        return Promise.reject(fail('unknown_type', 'Unknown request type: ' + String(type)));
    }
  }

  scope.onmessage = function (event) {
    var data = event.data || {};
    var id = data.id;
    var reply;
    try {
      reply = handle(data.type, data.payload, id);
    } catch (e) {
      reply = Promise.reject(e);
    }
    reply.then(
      function (result) { scope.postMessage({ id: id, result: result }); },
      function (e) {
        scope.postMessage({
          id: id,
          error: { code: (e && e.code) || 'internal', message: String((e && e.message) || e) },
        });
      }
    );
  };
})(self);
