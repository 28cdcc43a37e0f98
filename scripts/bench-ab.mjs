#!/usr/bin/env node
// scripts/bench-ab.mjs OTHER_ROOT [--runs N] DIR...  (issue 6, owner: wasmratio)
//
// Interleaved A/B of two worktrees' builds: for every article folder DIR and every run, the
// native CLI (build/native/parallax compare --json --timing) and the WASM command line
// (node wasm/cli.cjs compare --json --timing) of OTHER_ROOT ("a", e.g. main's worktree) and of
// this worktree ("b"), one after the other, so that all four see the same machine state.
// Prints per folder the medians of the compare call (--timing compute-ms), of the whole
// process (wall; user+sys CPU and peak RSS from GNU time) and the call speed (native call /
// wasm call) of each side; every run's stdout is compared byte for byte with a's native
// output of the same run (a difference is reported and makes the exit status 1).
// Build both worktrees first (native and wasm). docs/bench.md, "Round 5", has figures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const [other, ...dirs] = args;
if (!other || dirs.length === 0 || !(runs > 0)) {
  console.error('usage: node scripts/bench-ab.mjs OTHER_ROOT [--runs N] DIR...');
  process.exit(2);
}
const roots = { a: resolve(other), b: here };
for (const root of Object.values(roots)) {
  for (const needed of ['build/native/parallax', 'build/wasm/parallax-core.wasm']) {
    if (!existsSync(join(root, needed))) {
      console.error(`bench-ab: ${join(root, needed)} is missing; build that worktree first`);
      process.exit(1);
    }
  }
}

const work = mkdtempSync(join(tmpdir(), 'parallax-ab-'));
const timeFile = join(work, 'time.txt');
function measure(command, commandArgs) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, command, ...commandArgs], {
    maxBuffer: 1 << 30,
  });
  const [wall, user, sys, kb] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).map(Number);
  const call = Number((/compute-ms ([\d.]+)/.exec(r.stderr.toString()) ?? [0, NaN])[1]);
  return { out: r.stdout, call, wall: wall * 1000, cpu: (user + sys) * 1000, mb: kb / 1024 };
}
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

let differ = false;
const variants = ['a native', 'b native', 'a wasm', 'b wasm'];
console.log(`a = ${roots.a}\nb = ${roots.b}\n`);
console.log('set                 variant    call ms  wall ms   cpu ms  peak MB');
for (const dir of dirs) {
  const rows = Object.fromEntries(variants.map((v) => [v, []]));
  for (let r = 0; r < runs; r++) {
    let reference = null;
    for (const v of variants) {
      const root = roots[v[0]];
      const m = v.endsWith('native')
        ? measure(join(root, 'build/native/parallax'), ['compare', '--json', '--timing', dir])
        : measure(process.execPath, [join(root, 'wasm/cli.cjs'), 'compare', '--json', '--timing', dir]);
      if (reference === null) reference = m.out;
      else if (!m.out.equals(reference)) {
        differ = true;
        console.log(`bench-ab: ${dir}: ${v} printed other bytes than a native`);
      }
      rows[v].push(m);
    }
  }
  const med = Object.fromEntries(
    variants.map((v) => [v, Object.fromEntries(['call', 'wall', 'cpu', 'mb'].map((k) => [k, median(rows[v].map((m) => m[k]))]))]),
  );
  const name = dir.replace(/\/+$/, '').split('/').pop();
  for (const v of variants) {
    const m = med[v];
    console.log(`${name.padEnd(20)}${v.padEnd(10)}${m.call.toFixed(0).padStart(8)}${m.wall.toFixed(0).padStart(9)}${m.cpu.toFixed(0).padStart(9)}${m.mb.toFixed(0).padStart(9)}`);
  }
  const speed = (n, w) => `${(med[n].call / med[w].call).toFixed(2)}x`;
  console.log(`${name.padEnd(20)}call speed (native call / wasm call): a ${speed('a native', 'a wasm')}, b ${speed('b native', 'b wasm')}; b wasm vs a native ${speed('a native', 'b wasm')}  (medians of ${runs})\n`);
}
rmSync(work, { recursive: true, force: true });
process.exit(differ ? 1 : 0);
