#!/usr/bin/env node
// scripts/bench [--runs N] [--sets seeds,samples,fnc-5,fnc-20,fnc-100,fnc-500,fnc-1000,fnc-1683]
//
// Times `compare` on article sets, natively (build/native/parallax) and in WebAssembly
// under Node (build/wasm/parallax-core.js, whole process), interleaved in one run so
// that both see the same machine state. Prints, per set: median wall time of N runs,
// peak resident memory (GNU time's %M), the WASM/native ratio and the growth per 10x
// articles, and the time of the WASM compare() call alone ("wasm call": no Node start-up
// or module instantiation). Sets whose data (../shared/data) is absent are skipped with a message.
// Build first: bash scripts/build.sh
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { copySet, fncBodiesByStory, writeSet } from './bench-lib/datasets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '..', 'shared', 'data');
const cli = join(root, 'build', 'native', 'parallax');
const wasmRunner = join(root, 'scripts', 'bench-lib', 'wasm-compare.cjs');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const runs = Number(option('--runs', '5'));
const wanted = option('--sets', 'seeds,samples,fnc-5,fnc-20,fnc-100,fnc-500,fnc-1000').split(',');

for (const needed of [cli, join(root, 'build', 'wasm', 'parallax-core.js')]) {
  if (!existsSync(needed)) {
    console.error(`bench: ${needed} is missing; run bash scripts/build.sh first`);
    process.exit(1);
  }
}
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

// One whole-process run: wall milliseconds and peak RSS in MB (null without GNU time).
function measure(command, commandArgs) {
  const argv = gnuTime ? ['-f', '%M', command, ...commandArgs] : commandArgs;
  const start = process.hrtime.bigint();
  const result = spawnSync(gnuTime ?? command, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.slice(-500)}`);
  const peak = gnuTime ? Number(result.stderr.trim().split('\n').pop()) / 1024 : null;
  const compute = /compute-ms ([\d.]+)/.exec(result.stderr);
  return { ms, peak, out: result.stdout, computeMs: compute ? Number(compute[1]) : null };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const work = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
const sets = [];
let fnc;
for (const name of wanted) {
  if (name === 'seeds') {
    const seeds = join(dataDir, 'seeds');
    if (!existsSync(seeds)) console.log('bench: skipping seeds (../shared/data/seeds is absent)');
    else sets.push({ name, files: copySet(join(work, name), seeds, (n) => n.endsWith('.txt')) });
  } else if (name === 'samples') {
    sets.push({ name, files: copySet(join(work, name), join(root, 'samples'), (n) => n !== 'README.md') });
  } else if (name.startsWith('fnc-')) {
    fnc ??= fncBodiesByStory(dataDir) ?? [];
    const count = Number(name.slice(4));
    if (fnc.length < count) console.log(`bench: skipping ${name} (FNC-1 bodies absent or fewer than ${count})`);
    else sets.push({ name, files: writeSet(join(work, name), fnc.slice(0, count)) });
  } else {
    console.error(`bench: unknown set ${name}`);
  }
}

const rows = [];
for (const set of sets) {
  const native = [];
  const wasm = [];
  let same = true;
  for (let r = 0; r < runs; r++) {
    // Interleaved, so drifts in machine load hit both sides alike.
    const n = measure(cli, ['compare', '--json', ...set.files]);
    const w = measure(process.execPath, [wasmRunner, ...set.files]);
    same &&= n.out === w.out;
    native.push(n);
    wasm.push(w);
  }
  const bytes = set.files.reduce((sum, f) => sum + statSync(f).size, 0);
  rows.push({
    set: set.name,
    articles: set.files.length,
    kb: Math.round(bytes / 1024),
    nativeMs: median(native.map((m) => m.ms)),
    wasmMs: median(wasm.map((m) => m.ms)),
    wasmComputeMs: median(wasm.map((m) => m.computeMs)),
    nativeMb: gnuTime ? Math.max(...native.map((m) => m.peak)) : null,
    wasmMb: gnuTime ? Math.max(...wasm.map((m) => m.peak)) : null,
    same,
  });
}
rmSync(work, { recursive: true, force: true });

const pad = (v, n) => String(v).padStart(n);
console.log(`\nparallax compare, median of ${runs} runs (whole process), peak RSS by GNU time`);
console.log(
  `${'set'.padEnd(10)}${pad('articles', 9)}${pad('KB', 7)}${pad('native ms', 11)}${pad('wasm ms', 10)}` +
    `${pad('wasm/nat', 10)}${pad('wasm call', 11)}${pad('native MB', 11)}${pad('wasm MB', 9)}${pad('x10 growth', 12)}  same JSON`,
);
const fncRows = rows.filter((r) => r.set.startsWith('fnc-'));
for (const row of rows) {
  // Time growth for 10x the articles, from the nearest smaller fnc set (log-scaled).
  let growth = '';
  const i = fncRows.indexOf(row);
  if (i > 0) {
    const prev = fncRows[i - 1];
    const factor = Math.log(row.articles / prev.articles) / Math.log(10);
    growth = (row.wasmMs / prev.wasmMs) ** (1 / factor);
    growth = `${growth.toFixed(1)}x`;
  }
  console.log(
    `${row.set.padEnd(10)}${pad(row.articles, 9)}${pad(row.kb, 7)}${pad(row.nativeMs.toFixed(0), 11)}` +
      `${pad(row.wasmMs.toFixed(0), 10)}${pad((row.wasmMs / row.nativeMs).toFixed(2), 10)}` +
      `${pad(row.wasmComputeMs.toFixed(0), 11)}` +
      `${pad(row.nativeMb?.toFixed(0) ?? '-', 11)}${pad(row.wasmMb?.toFixed(0) ?? '-', 9)}${pad(growth, 12)}  ${row.same ? 'yes' : 'NO'}`,
  );
}
