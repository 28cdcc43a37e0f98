// load-node: loads the WebAssembly core in Node from the plain .wasm (wasm/cli.cjs, scripts,
// batch pipelines). The page and the node:test API suite keep the single-file glue.
//
//   const { loadCore } = require('./load-node.cjs');
//   const core = await loadCore();   // build/wasm/parallax-core-node.js + parallax-core.wasm
//
// Which files (resolveCoreFiles):
//   default                     build/wasm/parallax-core-node.js + build/wasm/parallax-core.wasm
//                               (both made by one link: wasm/split-node.cjs, docs/BUILD.md)
//   PARALLAX_CORE_JS=X.js       that glue; with PARALLAX_CORE_WASM=Y.wasm those bytes; else, when
//                               X ends in -node.js, its sibling X-without-"-node".wasm; else none
//                               (a single-file glue decodes its embedded module as before)
// The bytes are read here and handed to the factory as `wasmBinary`: the glue then never
// fetch()es by path (Node 20's global fetch breaks 3.1.6's loader there: shared/toolchain.md)
// and no base64 is decoded.
//
// With { cache: true } (wasm/cli.cjs's default compare), openCore first tries the build's V8 code
// cache beside the .wasm (parallax-core.v8cache, wasm/v8-cache.cjs): compiled TurboFan code for
// exactly these wire bytes under this V8, and the glue's compiled JavaScript for exactly that
// glue; any mismatch falls back to requiring the glue and compiling the .wasm. Either
// way options.beforeCompile(cached) is called before anything is compiled (the whole module, or
// the functions the cache lacks): where the CLI sets its compile-tier flags.
//
// Fails with a CoreLoadError (code "core_missing") naming the missing (or not-wasm) file and the
// command that builds it; the CLI prints its message and exits 1. A module V8 cannot compile
// rejects with the glue's abort error.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { readCacheFile, glueFromCache, moduleFromCache, cachePathFor } = require('./v8-cache.cjs');

const BUILD_DIR = path.join(__dirname, '..', 'build', 'wasm');

class CoreLoadError extends Error {
  constructor(message) {
    super(message);
    this.name = 'CoreLoadError';
    this.code = 'core_missing';
  }
}

/** The glue and (unless it embeds its module) the .wasm to load, from the environment. */
function resolveCoreFiles(env = process.env) {
  if (!env.PARALLAX_CORE_JS) {
    return { glue: path.join(BUILD_DIR, 'parallax-core-node.js'), wasm: path.join(BUILD_DIR, 'parallax-core.wasm') };
  }
  const glue = path.resolve(env.PARALLAX_CORE_JS);
  if (env.PARALLAX_CORE_WASM) return { glue, wasm: path.resolve(env.PARALLAX_CORE_WASM) };
  if (glue.endsWith('-node.js')) return { glue, wasm: `${glue.slice(0, -'-node.js'.length)}.wasm` };
  return { glue, wasm: null };
}

function missing(file) {
  return new CoreLoadError(
    `the WebAssembly core ${file} is missing: build it with \`bash scripts/build.sh wasm\` ` +
      '(or name other files with PARALLAX_CORE_JS / PARALLAX_CORE_WASM)',
  );
}

/**
 * Instantiates the core: resolves to { core, cached } (the Embind module; whether it runs the V8
 * code cache). Rejects with a CoreLoadError when a file is missing, or with the compile error
 * when the .wasm is not a valid module.
 */
async function openCore(files = resolveCoreFiles(), options = {}) {
  if (!fs.existsSync(files.glue)) throw missing(files.glue);
  let bytes = null;
  if (files.wasm) {
    try {
      bytes = fs.readFileSync(files.wasm);
    } catch {
      throw missing(files.wasm);
    }
  }
  if (bytes && (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100)) {
    throw new CoreLoadError(`${files.wasm} is not a WebAssembly module (no \\0asm header): rebuild it with \`bash scripts/build.sh wasm\``);
  }
  // The glue first (its code cache is V8's for its default flags), then the module's code.
  const cache = bytes && options.cache ? readCacheFile(cachePathFor(files.wasm)) : null;
  const factory = glueFromCache(cache, files.glue) || require(files.glue);
  const module = moduleFromCache(cache, bytes);
  if (options.beforeCompile) options.beforeCompile(Boolean(module));
  if (module) {
    // Compiled code already: a synchronous instance, nothing left to wait for.
    const core = await factory({
      instantiateWasm(imports, done) {
        const instance = new WebAssembly.Instance(module, imports);
        done(instance, module);
        return instance.exports;
      },
    });
    return { core, cached: true };
  }
  // The glue's own asynchronous WebAssembly.instantiate of the bytes: measured faster than a
  // synchronous new WebAssembly.Module + Instance here, whose first compare() took ~10 ms more
  // CPU (docs/bench.md, "Round 4").
  const core = await (bytes ? factory({ wasmBinary: bytes }) : factory());
  return { core, cached: false };
}

/** openCore without the cache: resolves to the Embind module. */
async function loadCore(files = resolveCoreFiles()) {
  return (await openCore(files)).core;
}

module.exports = { loadCore, openCore, resolveCoreFiles, CoreLoadError };
