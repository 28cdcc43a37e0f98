#!/usr/bin/env node
// v8-cache: V8's compiled code for the WebAssembly core and its Node glue, made at build time so
// that `node wasm/cli.cjs compare` starts with compiled code instead of compiling as it goes.
//
//   node wasm/v8-cache.cjs build/wasm/parallax-core-node.js build/wasm/parallax-core.wasm DIR...
//     -> build/wasm/parallax-core.v8cache   (wasm/CMakeLists.txt runs it after split-node.cjs;
//        if it cannot be made, a stub every reader refuses, a message, and exit 0)
//
//   const cache = readCacheFile(cachePathFor(wasmPath));   // null: none, or not for this Node
//   const factory = glueFromCache(cache, gluePath);        // the glue's factory, or null
//   const module = moduleFromCache(cache, wasmBytes);      // a WebAssembly.Module, or null
//
// Why: a five-article comparison spent ~30 ms of CPU with V8 compiling the ~320 functions it
// calls (Liftoff, lazily, on the main thread) for ~6 ms of computing. V8 can serialise a module's
// TurboFan code and load it back (what Chrome's wasm code cache does), but Node 20 exposes that
// only through V8's test intrinsics %SerializeWasmModule / %DeserializeWasmModule (behind
// --allow-natives-syntax). Loading the cached code costs ~5 ms, and it is the optimising tier
// from the start, at every input size. The glue (42 kB of JavaScript) gets V8's ordinary code
// cache (vm.Script cachedData), ~2 ms less (docs/bench.md, "Round 5: cold start").
//
// How the build makes it, in a fresh Node process: sets CACHE_FLAGS, compiles the module lazily
// with TurboFan only (Liftoff code cannot be serialised), runs the CLI's calls over the article
// files in DIR... (samples/: every input format) so that every function that path calls is
// compiled, serialises the module, sets V8's default flags back and takes the glue's code cache
// (the functions it ran included). Functions the runs did not call stay lazy in the cache:
// compiled on first call, with Liftoff (the flags set back).
//
// File format ("PXV8CACHE1"): the magic line, one line of JSON {node, v8, arch, flags, wasm,
// code, glue, glueCode} (versions, the flags, byte lengths), then the module's wire bytes, the
// module's V8 code, the glue's source and the glue's V8 code cache.
//
// How it fails: never with an exception. Each reader returns null (the caller compiles as
// without a cache) when the file is missing, unreadable or malformed, was made by another Node,
// V8, architecture or flag set, holds another module than `wasmBytes` or another glue than the
// file at gluePath (both compared byte for byte: a rebuilt module never runs stale code), or
// when V8 refuses the code (its own header: V8 version, flag hash, CPU features). The
// intrinsic is only called under the exact V8 version that wrote the file, with the argument
// types it expects (an ArrayBuffer and a Uint8Array). The flags are V8's defaults again when
// moduleFromCache returns. The cached code is trusted like the build that wrote it: V8 does not
// checksum it, so a file altered by hand (not by a build) is outside what these checks catch.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');

const MAGIC = 'PXV8CACHE1\n';
/** The V8 flags in force when the module's code is written and read (V8 checks their hash). */
const CACHE_FLAGS = ['--allow-natives-syntax', '--no-liftoff'];
/**
 * V8's defaults again, in force before and after (and for the glue's code cache): --no-liftoff
 * also turned dynamic tiering off (a flag implication), which --liftoff alone does not undo.
 */
const RESET_FLAGS = ['--no-allow-natives-syntax', '--liftoff', '--wasm-dynamic-tiering'];
/** Bounds on the header line and on the file: anything larger is not ours. */
const MAX_HEADER_BYTES = 4096;
const MAX_CACHE_BYTES = 256 << 20;
const SECTIONS = ['wasm', 'code', 'glue', 'glueCode'];

function setFlags(on) {
  for (const flag of on ? CACHE_FLAGS : RESET_FLAGS) v8.setFlagsFromString(flag);
}

/** The cache file that goes with a .wasm: parallax-core.wasm -> parallax-core.v8cache. */
function cachePathFor(wasmPath) {
  return `${wasmPath.replace(/\.wasm$/, '')}.v8cache`;
}

function runtimeFields() {
  return { node: process.version, v8: process.versions.v8, arch: process.arch, flags: CACHE_FLAGS };
}

function sameRuntime(header) {
  const now = runtimeFields();
  return (
    header.node === now.node &&
    header.v8 === now.v8 &&
    header.arch === now.arch &&
    Array.isArray(header.flags) &&
    header.flags.join(' ') === now.flags.join(' ')
  );
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
  for (const name of SECTIONS) if (!Number.isSafeInteger(header[name]) || header[name] <= 0) return null;
  return { header, start: end + 1 };
}

/**
 * Reads a cache file made by this Node: its header and sections, each read straight into its
 * own buffer (the module's code into an ArrayBuffer of exactly its length, as
 * %DeserializeWasmModule wants it); null when there is none, or it is malformed or another
 * runtime's.
 */
function readCacheFile(cachePath) {
  let fd = -1;
  try {
    fd = fs.openSync(cachePath, 'r');
    const size = fs.fstatSync(fd).size;
    if (size > MAX_CACHE_BYTES) return null;
    const head = Buffer.alloc(Math.min(size, MAGIC.length + MAX_HEADER_BYTES));
    const parsed = parseHeader(head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)));
    if (!parsed || !sameRuntime(parsed.header)) return null;
    const { header } = parsed;
    if (parsed.start + SECTIONS.reduce((sum, name) => sum + header[name], 0) !== size) return null;
    const sections = {};
    let at = parsed.start;
    for (const name of SECTIONS) {
      const bytes = name === 'code' ? new Uint8Array(new ArrayBuffer(header[name])) : Buffer.allocUnsafe(header[name]);
      if (fs.readSync(fd, bytes, 0, bytes.length, at) !== bytes.length) return null;
      sections[name] = bytes;
      at += bytes.length;
    }
    return { header, ...sections };
  } catch {
    return null;
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

/** The glue's source as a CommonJS function, the way require() wraps a module. */
function wrapGlue(source) {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

function runGlue(script, gluePath) {
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, gluePath, path.dirname(gluePath));
  return typeof module.exports === 'function' ? module.exports : null;
}

/**
 * The glue's factory (what require(gluePath) returns), compiled with the cached code when the
 * file at gluePath is the glue the cache was made with; null otherwise (the caller requires it).
 * Call before moduleFromCache: the glue's code cache is V8's for its default flags.
 */
function glueFromCache(cache, gluePath) {
  if (!cache) return null;
  try {
    const source = fs.readFileSync(gluePath);
    if (!source.equals(cache.glue)) return null;
    const vm = require('node:vm');
    const script = new vm.Script(wrapGlue(source.toString('latin1')), { filename: gluePath, cachedData: cache.glueCode });
    return runGlue(script, gluePath);
  } catch {
    return null;
  }
}

/**
 * The cached module for `wasmBytes` (a Buffer of the .wasm), or null. CACHE_FLAGS are set only
 * while V8 reads the code; afterwards the flags are V8's defaults again, so the few functions
 * the cache lacks compile lazily with Liftoff under whatever tier flags the caller sets next
 * (compiling them with TurboFan cost ~1 ms each on a first call).
 */
function moduleFromCache(cache, wasmBytes) {
  if (!cache || !cache.wasm.equals(wasmBytes)) return null;
  setFlags(true);
  let module = null;
  try {
    const deserialize = require('node:vm').runInThisContext('(function (code, wire) { return %DeserializeWasmModule(code, wire); })');
    module = deserialize(cache.code.buffer, new Uint8Array(cache.wasm.buffer, cache.wasm.byteOffset, cache.wasm.length));
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

/** The CLI's calls over the training inputs, so that the functions they need get compiled. */
function train(core, inputs) {
  // compareJsonBytes (the CLI's call) and compare() over: the files, the set four times over
  // under other names (more articles, claims and actors: the sorts' other size paths), each
  // file alone, the default path's variants (options, the plain TF-IDF matcher) and its
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
}

/**
 * Build time: writes the cache for `wasmPath` and its glue. Must run in its own process (it
 * sets V8 flags and compiles the module for good). Returns the sections' byte sizes.
 */
async function writeCache(gluePath, wasmPath, dirs, cachePath = cachePathFor(wasmPath)) {
  const inputs = trainingInputs(dirs);
  if (inputs.length < 2) throw new Error(`${dirs.join(', ')}: fewer than two article files to compile the compare path with`);
  const vm = require('node:vm');
  const wasm = fs.readFileSync(wasmPath);
  const glue = fs.readFileSync(gluePath);
  const script = new vm.Script(wrapGlue(glue.toString('latin1')), { filename: gluePath });
  const factory = runGlue(script, gluePath);
  if (!factory) throw new Error(`${gluePath} exports no factory`);
  const instantiate = (module) =>
    factory({
      instantiateWasm(imports, done) {
        const instance = new WebAssembly.Instance(module, imports);
        done(instance, module);
        return instance.exports;
      },
    });

  // The module compiled with TurboFan as the training runs call it, then serialised; the glue's
  // code cache (its functions the runs compiled) is taken once the flags are V8's defaults again,
  // as they are when the CLI compiles the glue (V8 checks the flags' hash for it too).
  setFlags(true);
  const serialize = vm.runInThisContext('(function (module) { return %SerializeWasmModule(module); })');
  const module = new WebAssembly.Module(wasm);
  train(await instantiate(module), inputs);
  const code = Buffer.from(serialize(module));
  setFlags(false);
  const glueCode = script.createCachedData();

  const header = { ...runtimeFields(), wasm: wasm.length, code: code.length, glue: glue.length, glueCode: glueCode.length };
  const file = Buffer.concat([Buffer.from(MAGIC + JSON.stringify(header) + '\n', 'utf8'), wasm, code, glue, glueCode]);
  // Written whole under another name, then renamed: a reader never sees half a file.
  const temporary = `${cachePath}.tmp-${process.pid}`;
  fs.writeFileSync(temporary, file);
  fs.renameSync(temporary, cachePath);
  return header;
}

/**
 * The build step: writes the cache in a child Node process (a V8 that aborts in its serialiser
 * cannot take the build down with it). If that fails, the cache is only a speed-up: it says so,
 * leaves a stub that every reader refuses at its header (no stale cache for an older module; and
 * CMake sees its output, so it does not retry on every build) and exits 0.
 */
function buildStep(gluePath, wasmPath, dirs) {
  const cachePath = cachePathFor(wasmPath);
  const child = require('node:child_process').spawnSync(process.execPath, [__filename, '--write', gluePath, wasmPath, ...dirs], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (child.status === 0) return 0;
  const reason = child.error ? child.error.message : child.signal ? `killed by ${child.signal}` : `exit status ${child.status}`;
  fs.writeFileSync(cachePath, `${MAGIC}${JSON.stringify({ skipped: reason, node: process.version })}\n`);
  process.stderr.write(`v8-cache: no V8 code cache (${reason}); wasm/cli.cjs compiles the module instead\n`);
  return 0;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const write = args[0] === '--write';
  const [gluePath, wasmPath, ...dirs] = write ? args.slice(1) : args;
  if (!gluePath || !wasmPath || dirs.length === 0) {
    process.stderr.write('usage: node wasm/v8-cache.cjs build/wasm/parallax-core-node.js build/wasm/parallax-core.wasm DIR...\n');
    process.exit(2);
  }
  if (!write) process.exit(buildStep(gluePath, wasmPath, dirs));
  writeCache(gluePath, wasmPath, dirs).then(
    (header) => {
      process.stdout.write(
        `v8-cache: ${header.code} B of module code, ${header.glueCode} B of glue code (node ${process.version}) -> ${cachePathFor(wasmPath)}\n`,
      );
      process.exit(0);
    },
    (error) => {
      process.stderr.write(`v8-cache: ${error && error.message ? error.message : error}\n`);
      process.exit(1);
    },
  );
}

module.exports = { readCacheFile, glueFromCache, moduleFromCache, writeCache, cachePathFor, CACHE_FLAGS };
