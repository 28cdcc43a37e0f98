#!/usr/bin/env node
// v8-cache: V8's optimised machine code for the WebAssembly core, made at build time so that
// `node wasm/cli.cjs compare` starts with compiled code instead of compiling as it goes.
//
//   node wasm/v8-cache.cjs build/wasm/parallax-core-node.js build/wasm/parallax-core.wasm DIR...
//     -> build/wasm/parallax-core.v8cache   (wasm/CMakeLists.txt runs it after split-node.cjs)
//   const { readCache } = require('./v8-cache.cjs');
//   const module = readCache(wasmBytes, cachePath);   // a WebAssembly.Module, or null
//
// Why: a five-article comparison spends ~30 ms of CPU with V8 compiling the ~320 functions it
// calls (Liftoff, lazily, on the main thread) and ~10 ms computing. V8 can serialise a module's
// TurboFan code and load it back (Chrome's wasm code cache), but Node 20 exposes that only
// through V8's test intrinsics %SerializeWasmModule / %DeserializeWasmModule (behind
// --allow-natives-syntax). Loading the cached code costs ~8 ms and the code is already the
// optimising tier, at every input size (docs/bench.md, "Round 5: cold start").
//
// How the build makes it: a fresh Node process sets CACHE_FLAGS, compiles the module lazily with
// TurboFan only (Liftoff code cannot be serialised), runs compare() over the article files in
// DIR... (samples/: every input format) with the default matcher and its variants, so every
// function that path calls is compiled, then serialises. Functions it did not call stay lazy
// in the cache and are compiled (by TurboFan) when first called.
//
// File format ("PXV8CACHE1"): the magic line, one line of JSON {node, v8, arch, flags, wasm,
// code} (V8 version, the flags, byte lengths), then the module's wire bytes and V8's code.
//
// How it fails: never with an exception from readCache. It returns null (the caller compiles
// the .wasm as before) when the file is missing or unreadable, was made by another V8 version,
// architecture or flag set, holds another module than `wasmBytes` (compared byte for byte: a
// rebuilt .wasm never runs stale code), or when V8 itself refuses the code (its header check:
// V8 version, flag hash, CPU features). The intrinsics are only ever called with the argument
// types V8's test functions expect (an ArrayBuffer and a Uint8Array) and only under the exact
// V8 version that wrote the file. After a refusal the flags are set back (setFlags(false)).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');

const MAGIC = 'PXV8CACHE1\n';
/** The V8 flags in force when the code is written and when it is read (V8 checks their hash). */
const CACHE_FLAGS = ['--allow-natives-syntax', '--no-liftoff'];
/** Their opposites, set when a cache is refused so the module compiles as without one. */
const RESET_FLAGS = ['--no-allow-natives-syntax', '--liftoff'];
/** Bounds on the header line and on the file: anything larger is not ours. */
const MAX_HEADER_BYTES = 4096;
const MAX_CACHE_BYTES = 256 << 20;

function setFlags(on) {
  for (const flag of on ? CACHE_FLAGS : RESET_FLAGS) v8.setFlagsFromString(flag);
}

/** The cache file that goes with a .wasm: parallax-core.wasm -> parallax-core.v8cache. */
function cachePathFor(wasmPath) {
  return `${wasmPath.replace(/\.wasm$/, '')}.v8cache`;
}

function headerFields() {
  return { node: process.version, v8: process.versions.v8, arch: process.arch, flags: CACHE_FLAGS };
}

/** The header of a cache file (its first line after the magic), or null when it is not ours. */
function parseHeader(head) {
  if (head.length < MAGIC.length || head.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  const end = head.indexOf(10, MAGIC.length);
  if (end < 0) return null;
  let header = null;
  try {
    header = JSON.parse(head.toString('utf8', MAGIC.length, end));
  } catch {
    return null;
  }
  if (!header || typeof header !== 'object') return null;
  if (!Number.isSafeInteger(header.wasm) || !Number.isSafeInteger(header.code)) return null;
  if (header.wasm <= 0 || header.code <= 0) return null;
  return { header, start: end + 1 };
}

/**
 * Reads a cache file: its header, the module's wire bytes (a Buffer) and V8's code (an
 * ArrayBuffer of exactly its length, as %DeserializeWasmModule wants it), each read straight
 * into its own buffer; null when the file is not a well-formed cache.
 */
function readCacheFile(cachePath) {
  let fd = -1;
  try {
    fd = fs.openSync(cachePath, 'r');
    const size = fs.fstatSync(fd).size;
    if (size > MAX_CACHE_BYTES) return null;
    const head = Buffer.alloc(Math.min(size, MAGIC.length + MAX_HEADER_BYTES));
    const parsed = parseHeader(head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)));
    if (!parsed || parsed.start + parsed.header.wasm + parsed.header.code !== size) return null;
    const wasm = Buffer.allocUnsafe(parsed.header.wasm);
    const code = new ArrayBuffer(parsed.header.code);
    if (fs.readSync(fd, wasm, 0, wasm.length, parsed.start) !== wasm.length) return null;
    const codeView = new Uint8Array(code);
    if (fs.readSync(fd, codeView, 0, codeView.length, parsed.start + wasm.length) !== codeView.length) return null;
    return { header: parsed.header, wasm, code };
  } catch {
    return null;
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

function sameRuntime(header) {
  const now = headerFields();
  return (
    header.node === now.node &&
    header.v8 === now.v8 &&
    header.arch === now.arch &&
    Array.isArray(header.flags) &&
    header.flags.join(' ') === now.flags.join(' ')
  );
}

/**
 * The cached module for `wasmBytes` (a Buffer of the .wasm), or null. CACHE_FLAGS are set only
 * while V8 reads the code; afterwards the flags are V8's defaults again, so the few functions
 * the cache lacks compile lazily with Liftoff under whatever tier flags the caller sets next
 * (compiling them with TurboFan cost ~1 ms each on a first call).
 */
function readCache(wasmBytes, cachePath) {
  const parts = readCacheFile(cachePath);
  if (!parts || !sameRuntime(parts.header) || !parts.wasm.equals(wasmBytes)) return null;
  setFlags(true);
  let module = null;
  try {
    const deserialize = require('node:vm').runInThisContext('(function (code, wire) { return %DeserializeWasmModule(code, wire); })');
    module = deserialize(parts.code, new Uint8Array(parts.wasm.buffer, parts.wasm.byteOffset, parts.wasm.length));
  } catch {
    module = null;
  }
  setFlags(false);
  return module instanceof WebAssembly.Module ? module : null;
}

/** The article files of the training directories, sorted, as compare() inputs. */
function trainingInputs(dirs) {
  const inputs = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).sort()) {
      if (!/\.(txt|md|markdown|html?|json)$/.test(name) || name === 'README.md') continue;
      inputs.push({ name, bytes: fs.readFileSync(path.join(dir, name)) });
    }
  }
  return inputs;
}

/**
 * Build time: compiles `wasmPath` with TurboFan, runs the compare calls the CLI makes by default
 * over `dirs`, writes the cache. Must run in its own process (the flags are set for good).
 * Returns the cache's byte sizes.
 */
async function writeCache(gluePath, wasmPath, dirs, cachePath = cachePathFor(wasmPath)) {
  setFlags(true);
  const serialize = require('node:vm').runInThisContext('(function (module) { return %SerializeWasmModule(module); })');
  const wasm = fs.readFileSync(wasmPath);
  const module = new WebAssembly.Module(wasm);
  const factory = require(path.resolve(gluePath));
  const core = await factory({
    instantiateWasm(imports, done) {
      const instance = new WebAssembly.Instance(module, imports);
      done(instance, module);
      return instance.exports;
    },
  });
  const inputs = trainingInputs(dirs);
  if (inputs.length < 2) throw new Error(`${dirs.join(', ')}: fewer than two article files to compile the compare path with`);
  // The CLI's call (compareJsonBytes) and compare() over: the files, each file alone, the set
  // four times over under other names (more articles, claims and actors: the sorts' other size
  // paths), the variants of the default path (options, the plain TF-IDF matcher) and the
  // failures (no article, bad options).
  const many = [];
  for (let copy = 1; copy <= 4; copy++) for (const input of inputs) many.push({ name: `${copy}-${input.name}`, bytes: input.bytes });
  const runs = [
    [inputs, ''],
    [inputs, '{}'],
    [many, '{}'],
    [inputs, '{"matcher":"tfidf","matchThreshold":0.5}'],
    [inputs, '{"matcher":"context","maxArticles":3}'],
    ...inputs.map((input) => [[input], '{}']),
    [[{ name: 'empty.txt', bytes: Buffer.alloc(0) }, { name: 'binary.txt', bytes: Buffer.from([0, 1, 2, 0, 255]) }], '{}'],
    [inputs, '{"matcher":1}'],
    [inputs, 'not json'],
  ];
  for (const [files, options] of runs) {
    core.compare(files, options);
    core.compareJsonBytes(files, options);
  }
  const first = core.compareJsonBytes(inputs, '{}');
  if (!first.ok) throw new Error(`compare failed while making the cache: ${first.message}`);
  const code = Buffer.from(serialize(module));
  const header = { ...headerFields(), wasm: wasm.length, code: code.length };
  const file = Buffer.concat([Buffer.from(MAGIC + JSON.stringify(header) + '\n', 'utf8'), wasm, code]);
  // Written whole under another name, then renamed: a reader never sees half a file.
  const temporary = `${cachePath}.tmp-${process.pid}`;
  fs.writeFileSync(temporary, file);
  fs.renameSync(temporary, cachePath);
  return { wasmBytes: wasm.length, codeBytes: code.length };
}

if (require.main === module) {
  const [gluePath, wasmPath, ...dirs] = process.argv.slice(2);
  if (!gluePath || !wasmPath || dirs.length === 0) {
    process.stderr.write('usage: node wasm/v8-cache.cjs build/wasm/parallax-core-node.js build/wasm/parallax-core.wasm DIR...\n');
    process.exit(2);
  }
  writeCache(gluePath, wasmPath, dirs).then(
    ({ codeBytes }) => {
      process.stdout.write(`v8-cache: ${codeBytes} B of V8 code for ${path.basename(wasmPath)} (node ${process.version}) -> ${cachePathFor(wasmPath)}\n`);
      process.exit(0);
    },
    (error) => {
      process.stderr.write(`v8-cache: ${error && error.message ? error.message : error}\n`);
      process.exit(1);
    },
  );
}

module.exports = { readCache, writeCache, cachePathFor, readCacheFile, CACHE_FLAGS };
