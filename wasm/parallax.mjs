// Parallax ES module API: the one JavaScript module that loads the WebAssembly core.
//
//   import * as parallax from './wasm/parallax.mjs';
//   await parallax.load();                        // once; later calls reuse the module
//   const analysis = parallax.compare([{ name: 'a.txt', bytes }, { name: 'b.html', bytes: html }]);
//   parallax.compareStaged(files, {}, (stage, json) => { /* segmented, aligned, complete */ });
//   const { same, score } = parallax.match('Talks begin Friday.', 'Discussions start on Friday.');
//   const { label, related, scores, evidence } = parallax.stance('Claim headline', 'Article body…');
//
// Every function but load() is synchronous once loaded. Failures throw a
// ParallaxError with a stable `code` ("no_articles", "invalid_argument", ...) and
// a message that says what to do. Results are plain objects: nothing to free.

/** Error thrown by every call; `code` is the core's error code name. */
export class ParallaxError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'ParallaxError';
    this.code = code;
  }
}

let modulePromise = null;
let core = null;

async function defaultFactory() {
  if (typeof globalThis.createParallaxCore === 'function') return globalThis.createParallaxCore;
  if (typeof process !== 'undefined' && process.versions && process.versions.node) {
    const { createRequire } = await import('node:module');
    const require = createRequire(import.meta.url);
    const path = process.env.PARALLAX_CORE_JS || new URL('../build/wasm/parallax-core.js', import.meta.url).pathname;
    return require(path);
  }
  throw new ParallaxError(
    'not_loaded',
    'createParallaxCore is not defined: load web/dist/parallax-core.js with a <script> tag first, ' +
      'or pass { factory } to load().',
  );
}

// stance: 'stance-v1.json' (claim-vs-body model) is loaded with the others when present.
const RESOURCE_FILES = ['wordnet-en.bin', 'news-lexicon.bin', 'matcher-v1.json', 'stance-v1.json'];

// The learned matcher's resources where this environment keeps them: in Node the repository's
// resources/ folder (when the model has been trained), in a page web/dist/resources.js.
async function defaultResources() {
  if (Array.isArray(globalThis.PARALLAX_RESOURCES)) {
    return globalThis.PARALLAX_RESOURCES.map((r) => ({
      name: r.name,
      bytes: Uint8Array.from(atob(r.base64), (c) => c.charCodeAt(0)),
    }));
  }
  if (typeof process !== 'undefined' && process.versions && process.versions.node) {
    const { existsSync, readFileSync } = await import('node:fs');
    const dir = new URL('../resources/', import.meta.url);
    return RESOURCE_FILES.filter((name) => existsSync(new URL(name, dir))).map((name) => ({
      name,
      bytes: readFileSync(new URL(name, dir)),
    }));
  }
  return [];
}

/**
 * Loads and instantiates the WebAssembly core (once; concurrent calls share it), with the
 * learned matcher's resources.
 * @param {{factory?: Function, resources?: {name: string, bytes: Uint8Array}[]}} [options]
 *   factory: the createParallaxCore function to use; resources: wordnet-en.bin, news-lexicon.bin
 *   and matcher-v1.json (default: found as described above; [] keeps the baseline matcher).
 * @returns {Promise<void>}
 * @throws {ParallaxError} invalid_argument when a resource is corrupt.
 */
export function load(options = {}) {
  if (!modulePromise) {
    modulePromise = (async () => {
      const factory = options.factory || (await defaultFactory());
      // ---- web (viewer helper): in a browser the SINGLE_FILE glue would fetch() its own data: URL,
      // which a strict CSP (connect-src 'self') refuses with a violation report; without fetch it
      // decodes the embedded wasm directly. fetch is put back as soon as the module has started.
      const inBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';
      const savedFetch = inBrowser ? globalThis.fetch : undefined;
      if (inBrowser) globalThis.fetch = undefined;
      let instance;
      try {
        instance = await factory();
      } finally {
        if (inBrowser) globalThis.fetch = savedFetch;
      }
      // ---- end web
      const files = options.resources ?? (await defaultResources());
      if (files.length) {
        const loaded = instance.loadResources(files.map((f) => ({ name: f.name, bytes: toBytes(f.bytes) })));
        if (!loaded.ok) throw new ParallaxError(loaded.code, loaded.message);
        loadedWarnings = Array.from(loaded.warnings ?? [], String);  // cleanup
      }
      core = instance;
    })();
    modulePromise.catch(() => {
      modulePromise = null;
    });
  }
  return modulePromise;
}

// ---- cleanup: the core's warnings about the resources load() gave it ----
let loadedWarnings = [];

/**
 * What the loaded resources said (Resources::warnings() in the core): one sentence per resource
 * that loaded in a reduced form, e.g. an old WordNet read with fallbacks. [] with the committed
 * resources, with none, or before load().
 * @returns {string[]}
 */
export function resourceWarnings() {
  return loadedWarnings.slice();
}
// ---- end cleanup

function ready() {
  if (!core) throw new ParallaxError('not_loaded', 'Call and await parallax.load() before using the API.');
  return core;
}

function toBytes(value) {
  if (typeof value === 'string') return new TextEncoder().encode(value);
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  throw new ParallaxError('invalid_argument', 'Each file needs bytes: a Uint8Array, an ArrayBuffer or a string.');
}

/**
 * Compares articles and returns the parallax/1 JSON text, byte-identical to
 * `parallax compare --json` for the same files.
 * @param {{name: string, bytes: Uint8Array|ArrayBuffer|string}[]} files
 * @param {{matchThreshold?: number, maxArticles?: number, maxFileBytes?: number, maxTotalBytes?: number}} [options]
 * @returns {string}
 * @throws {ParallaxError} no_articles when nothing is readable, too_large, invalid_argument.
 */
export function compareJson(files, options = {}) {
  if (!Array.isArray(files)) throw new ParallaxError('invalid_argument', 'compare() takes an array of {name, bytes}.');
  const prepared = files.map((file, i) => ({
    name: typeof file.name === 'string' ? file.name : `article-${i + 1}.txt`,
    bytes: toBytes(file.bytes ?? file.text ?? ''),
  }));
  const result = ready().compare(prepared, JSON.stringify(options));
  if (!result.ok) throw new ParallaxError(result.code, result.message);
  return result.json;
}

// ---- staged compare (owner: stream, issue 6) ----
/**
 * compareJson() reporting each stage as it finishes: `onStage(stage, json)` is called with
 * "segmented" (articles, paragraphs, sentences; no claims yet), "aligned" (+ claims, rows, links,
 * reuse) and "complete" (+ facts, contradictions, omissions, actors, stance), in that order, `json`
 * being the parallax/1 text of the analysis so far. The "complete" text is compareJson()'s, byte
 * for byte, and is also returned. An exception thrown by onStage is rethrown once the core has
 * returned (the remaining stages are not reported).
 * @param {{name: string, bytes: Uint8Array|ArrayBuffer|string}[]} files
 * @param {object} options as for compareJson()
 * @param {(stage: 'segmented'|'aligned'|'complete', json: string) => void} onStage
 * @returns {string} the final parallax/1 JSON text
 */
export function compareStaged(files, options, onStage) {
  if (!Array.isArray(files)) throw new ParallaxError('invalid_argument', 'compareStaged() takes an array of {name, bytes}.');
  if (typeof onStage !== 'function') throw new ParallaxError('invalid_argument', 'compareStaged() needs an onStage function.');
  const prepared = files.map((file, i) => ({
    name: typeof file.name === 'string' ? file.name : `article-${i + 1}.txt`,
    bytes: toBytes(file.bytes ?? file.text ?? ''),
  }));
  let failure = null;
  let last = null;
  const result = ready().compareStaged(prepared, JSON.stringify(options ?? {}), (stage, json) => {
    if (stage === 'complete') last = json;
    if (failure) return;
    try {
      onStage(stage, json);
    } catch (e) {
      failure = e;
    }
  });
  if (!result.ok) throw new ParallaxError(result.code, result.message);
  if (failure) throw failure;
  return last;
}
// ---- end staged compare ----

/**
 * Compares articles; the parsed parallax/1 document (see README "JSON contract").
 * Unreadable files are listed in `notices`; the rest are still compared.
 */
export function compare(files, options = {}) {
  return JSON.parse(compareJson(files, options));
}

/** `parallax match --jsonl` on a whole JSONL text; returns the output lines. */
export function matchJsonl(text) {
  return ready().matchJsonl(String(text));
}

/** `parallax stance --jsonl` on a whole JSONL text; returns the output lines. */
export function stanceJsonl(text) {
  return ready().stanceJsonl(String(text));
}

function single(output) {
  const parsed = JSON.parse(output);
  if (parsed.error) throw new ParallaxError(parsed.error.code, parsed.error.message);
  delete parsed.id;
  return parsed;
}

/**
 * Do two sentences make the same claim?
 * @returns {{same: boolean, score: number}} score in [0,1]
 */
export function match(a, b) {
  return single(matchJsonl(JSON.stringify({ id: 0, a: String(a), b: String(b) })));
}

/**
 * How does an article body treat a claim?
 * @returns {{label: 'agree'|'disagree'|'discuss'|'unrelated', related: number,
 *   scores: {agree: number, disagree: number, discuss: number, unrelated: number},
 *   evidence?: {text: string, start: number, end: number}}} evidence: the body sentence that
 *   carries the decision (UTF-8 byte offsets), absent when unrelated
 */
export function stance(claim, body) {
  return single(stanceJsonl(JSON.stringify({ id: 0, claim: String(claim), body: String(body) })));
}

/** Version of the core, e.g. "0.1.0". */
export function version() {
  return ready().version();
}
