#!/usr/bin/env node
// parallax-wasm: the `compare` command of the native CLI, run by the WebAssembly core under Node.
//
//   node wasm/cli.cjs compare [--json] [--options JSON] [--tier auto|baseline|optimizing] [--timing] FILE|DIR...
//
// Same inputs and the same parallax/1 bytes on stdout as `build/native/parallax compare --json`
// (directories are read one level deep, .txt .md .markdown .html .htm .json, sorted by path; the
// core's notices are in the JSON's "notices", which the native CLI also echoes to stderr). Without
// --json it still prints the JSON: the readable summary is the native CLI's. For batch pipelines without a native build, and for measuring the
// WASM module as a whole process (scripts/bench).
//
// Compile tier (--tier, default auto). V8 first compiles WebAssembly with its baseline compiler
// (Liftoff) and then recompiles hot functions with its optimising compiler (TurboFan) on
// background threads. For a short run that recompilation costs more CPU than it saves: five
// articles take ~0.4 s of CPU with it and ~0.1 s without (docs/bench.md, "compile tier"). So
// `auto` keeps Liftoff only when the input is below 2 MiB, and lets V8 optimise larger inputs.
// The flag must be set before the module is compiled, which is why this is a CLI decision
// (it knows its input first) and not one of the module's: pages and long-lived processes keep
// V8's default. Output bytes do not depend on the tier.
//
// Code cache (auto): before any of that, the CLI tries the V8 code cache the
// build writes beside the module (build/wasm/parallax-core.v8cache, wasm/v8-cache.cjs): TurboFan
// code already compiled for the functions a comparison calls, so the first compare() compiles
// next to nothing (the few functions the cache lacks, with the tier above) and runs the
// optimising tier at every size ("tier cached" with --timing). It is used only when it was made
// by this very Node for these very wire bytes; otherwise, with PARALLAX_V8_CACHE=0 or with an
// explicit --tier, the module is compiled as above. (The learned matcher's functions are not in
// the cache: they compile on first call, with the tier above; samples, learned: 300 -> 237 ms
// of CPU.)
//
// Loading (wasm/load-node.cjs): the plain build/wasm/parallax-core.wasm with the small Node glue
// build/wasm/parallax-core-node.js, not the page's single-file glue (no 1.8 MB script to parse,
// no base64 to decode), compiled with V8's lazy validation (a function is validated when it is
// first compiled, which a lazily compiling engine does on its first call). docs/bench.md,
// "Round 4", has the figures; a missing .wasm is exit 1 with a message naming the build command.
//
// Exit status: 0; 1 when the comparison fails (no usable article, too large) or a file cannot
// be read; 2 on a usage error.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const v8 = require('node:v8');
const { openCore, CoreLoadError } = require('./load-node.cjs');

const USAGE = `Usage:
  node wasm/cli.cjs compare [--json] [--options JSON] [--tier auto|baseline|optimizing] FILE|DIR...
      Align articles about one event with the WebAssembly core; prints the parallax/1 JSON
      (the same bytes as \`parallax compare --json\`). --options as for the native CLI.
      --tier: V8 compile tier; auto = the build's V8 code cache when it fits this Node, else
      baseline (Liftoff only) below 2 MiB of input.
      --timing: also print "compute-ms N" (the core's compare call alone) and "tier T" to stderr.
Environment: PARALLAX_CORE_JS (default build/wasm/parallax-core-node.js) and PARALLAX_CORE_WASM
             (default: build/wasm/parallax-core.wasm; see wasm/load-node.cjs),
             PARALLAX_V8_CACHE=0 (do not use the V8 code cache beside the .wasm),
             PARALLAX_RESOURCES (default resources/, read for "matcher":"learned", "wordnetWeight", "latentBlend").
`;

/** Input size below which the baseline compiler alone is faster end to end. */
const BASELINE_TIER_MAX_BYTES = 2 << 20;  // 1 MiB until round 5 (wasmratio): docs/bench.md
const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.json']);

/**
 * Writes to stderr without process.stderr: creating that stream loads Node's tty/net/stream
 * modules (~2-3 ms of a 5-article run); a synchronous write to fd 2 needs none of them.
 */
function writeError(text) {
  fs.writeSync(2, text);
}

/**
 * Writes a whole string or byte array to a file descriptor. fs.writeSync of a Uint8Array may
 * write less than asked (a pipe); a string it writes whole, as before.
 */
function writeAll(fd, data) {
  if (typeof data === 'string') {
    fs.writeSync(fd, data);
    return;
  }
  for (let done = 0; done < data.length; ) done += fs.writeSync(fd, data, done, data.length - done);
}

function usageError(message) {
  writeError(`parallax: ${message}\n\n${USAGE}`);
  return 2;
}

/** The files a list of paths names, in the native CLI's order. */
function listFiles(paths) {
  const files = [];
  for (const given of paths) {
    let stat = null;
    try {
      stat = fs.statSync(given);
    } catch {
      files.push(given); // reported as unreadable below, like the native CLI
      continue;
    }
    if (!stat.isDirectory()) {
      files.push(given);
      continue;
    }
    const inside = [];
    for (const entry of fs.readdirSync(given, { withFileTypes: true })) {
      const full = path.join(given, entry.name);
      let regular = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          regular = fs.statSync(full).isFile();
        } catch {
          regular = false;
        }
      }
      if (regular && ARTICLE_EXTENSIONS.has(path.extname(entry.name))) inside.push(full);
    }
    // std::sort over paths in the native CLI: byte order of the full path.
    inside.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    files.push(...inside);
  }
  return files;
}

function chooseTier(tier, totalBytes) {
  if (tier === 'auto') return totalBytes < BASELINE_TIER_MAX_BYTES ? 'baseline' : 'optimizing';
  return tier;
}

function loadResources(core, options) {
  // softalign: the soft unit vector options need WordNet / the lexicon too, as natively.
  const soft = options.wordnetWeight > 0 || options.latentBlend > 0;
  if (options.matcher !== 'learned' && !soft) return true;
  const dir = process.env.PARALLAX_RESOURCES || path.join(__dirname, '..', 'resources');
  const names = ['wordnet-en.bin', 'news-lexicon.bin', 'matcher-v1.json', 'stance-v1.json'];
  const files = names
    .filter((name) => fs.existsSync(path.join(dir, name)))
    .map((name) => ({ name, bytes: fs.readFileSync(path.join(dir, name)) }));
  const result = core.loadResources(files);
  if (!result.ok) {
    writeError(`parallax: ${result.message}\n`);
    return false;
  }
  return true;
}

async function compareCommand(args) {
  let optionsJson = '{}';
  let tier = 'auto';
  let timing = false;
  const paths = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') continue;
    if (arg === '--timing') {
      timing = true;
      continue;
    }
    if (arg === '--options' || arg === '--tier') {
      if (i + 1 >= args.length) return usageError(`${arg} needs a value`);
      if (arg === '--options') optionsJson = args[++i];
      else tier = args[++i];
    } else if (arg.startsWith('--')) {
      return usageError(`unknown option ${arg}`);
    } else {
      paths.push(arg);
    }
  }
  if (!['auto', 'baseline', 'optimizing'].includes(tier)) return usageError(`unknown tier '${tier}'`);
  if (paths.length === 0) return usageError('compare needs at least one file');
  let options = {};
  try {
    options = JSON.parse(optionsJson || '{}') ?? {};
  } catch {
    // not JSON: the core names the problem below, as a usage error
  }

  const inputs = [];
  let totalBytes = 0;
  for (const file of listFiles(paths)) {
    try {
      const bytes = fs.readFileSync(file);
      totalBytes += bytes.length;
      inputs.push({ name: path.basename(file), bytes });
    } catch {
      writeError(`parallax: cannot open ${file}\n`);
    }
  }

  // auto: the build's V8 code cache when it fits this Node. The tier by input size applies
  // either way: to the whole module, or to the functions the cache lacks.
  let chosen = chooseTier(tier, totalBytes);
  const useCache = tier === 'auto' && process.env.PARALLAX_V8_CACHE !== '0';
  let core = null;
  try {
    const opened = await openCore(undefined, {
      cache: useCache,
      beforeCompile() {
        if (chosen === 'baseline') v8.setFlagsFromString('--liftoff-only');
        v8.setFlagsFromString('--wasm-lazy-validation');
      },
    });
    core = opened.core;
    if (opened.cached) chosen = 'cached';
  } catch (error) {
    if (!(error instanceof CoreLoadError)) throw error;
    writeError(`parallax: ${error.message}\n`);
    return 1;
  }
  if (!loadResources(core, options)) return 1;
  const start = process.hrtime.bigint();
  // The JSON as UTF-8 bytes, written as they are (an older module without compareJsonBytes:
  // the string, which Node encodes back to the same bytes).
  const result =
    typeof core.compareJsonBytes === 'function' ? core.compareJsonBytes(inputs, optionsJson) : core.compare(inputs, optionsJson);
  if (timing) writeError(`compute-ms ${Number(process.hrtime.bigint() - start) / 1e6}\ntier ${chosen}\n`);
  if (!result.ok) {
    // Bad options are a usage error, as in the native CLI; the rest (no usable article, too
    // large) a failure.
    if (result.code === 'invalid_argument') return usageError(result.message);
    writeError(`parallax: ${result.message}\n`);
    return 1;
  }
  // Two synchronous writes: no concatenated copy of a large output.
  writeAll(1, result.bytes ?? result.json);
  fs.writeSync(1, '\n');
  return 0;
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    fs.writeSync(1, USAGE);
    return command ? 0 : 2;
  }
  if (command !== 'compare') return usageError(`unknown command '${command}' (the WASM CLI has compare)`);
  return compareCommand(rest);
}

// Exit at once when done: a one-shot process has no use for V8's background optimisation of
// the wasm code still in flight, and Node would otherwise wait for it.
main(process.argv.slice(2)).then(
  (status) => process.exit(status),
  (error) => {
    writeError(`parallax: ${error && error.message ? error.message : error}\n`);
    process.exit(1);
  },
);
