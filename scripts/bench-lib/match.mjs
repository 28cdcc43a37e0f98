// `scripts/bench --match [--runs N] [--pairs N]`: speed of the learned sentence matcher
// (`match`), natively and in WebAssembly under Node, on MSRP training pairs (../shared/data/msrp,
// repeated to --pairs lines, default 20,000; skipped with a message when absent).
//
// Native: `build/native/parallax match --jsonl FILE` as a whole process, minus the same
// command on a one-pair file (process start and resource loading), so both sides count only
// the analysis and scoring of the pairs. WASM: `matchJsonl` of wasm/parallax.mjs in this
// process after the module and resources are loaded (the first call is a warm-up and is not
// timed). Runs alternate between the two. Prints the medians, pairs per second and
// WASM's speed relative to native (native ms / wasm ms), and whether both gave the same bytes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/** MSRP training pairs as `match --jsonl` lines, repeated to `count` lines; null when absent. */
export function msrpLines(dataDir, count) {
  const path = join(dataDir, 'msrp', 'msr_paraphrase_train.txt');
  if (!existsSync(path)) return null;
  const pairs = readFileSync(path, 'utf8').split(/\r?\n/).slice(1)
    .map((line) => line.split('\t')).filter((f) => f.length >= 5);
  if (!pairs.length) return null;
  const lines = [];
  for (let i = 0; i < count; i++) {
    const f = pairs[i % pairs.length];
    lines.push(JSON.stringify({ id: String(i), a: f[3], b: f[4] }));
  }
  return lines.join('\n') + '\n';
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function nativeMs(cli, file) {
  const t0 = performance.now();
  const r = spawnSync(cli, ['match', '--jsonl', file], { maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`native match failed: ${r.stderr}`);
  return { ms, out: r.stdout.toString('utf8') };
}

export async function benchMatch({ root, dataDir, runs, pairs }) {
  const cli = join(root, 'build', 'native', 'parallax');
  const wasmModule = join(root, 'wasm', 'parallax.mjs');
  if (!existsSync(cli)) return console.log('bench --match: build/native/parallax is missing (bash scripts/build.sh native)');
  if (!existsSync(join(root, 'build', 'wasm', 'parallax-core-node.js'))) {
    return console.log('bench --match: the WASM build is missing (bash scripts/build.sh wasm)');
  }
  const text = msrpLines(dataDir, pairs);
  if (!text) return console.log('bench --match: skipped (../shared/data/msrp is absent)');
  const work = mkdtempSync(join(tmpdir(), 'parallax-bench-match-'));
  try {
    const file = join(work, 'pairs.jsonl');
    const one = join(work, 'one.jsonl');
    writeFileSync(file, text);
    writeFileSync(one, text.slice(0, text.indexOf('\n') + 1));
    const parallax = await import(pathToFileURL(wasmModule).href);
    await parallax.load();
    parallax.matchJsonl(text);  // warm-up: compile tiers, grow the heap
    const native = [], fixed = [], wasm = [];
    let same = true;
    for (let r = 0; r < runs; r++) {
      const n = nativeMs(cli, file);
      fixed.push(nativeMs(cli, one).ms);
      const t0 = performance.now();
      const out = parallax.matchJsonl(text);
      wasm.push(performance.now() - t0);
      native.push(n.ms);
      same &&= out === n.out;
    }
    const nativeWork = Math.max(1, median(native) - median(fixed));
    const wasmWork = median(wasm);
    const perSecond = (ms) => Math.round(pairs / (ms / 1000));
    console.log(`\nmatch: ${pairs} MSRP pairs, ${runs} runs interleaved (medians)`);
    console.log(`  native: ${median(native).toFixed(0)} ms whole process, ${median(fixed).toFixed(0)} ms of it start and resources` +
      ` -> ${nativeWork.toFixed(0)} ms for the pairs, ${perSecond(nativeWork)} pairs/s`);
    console.log(`  wasm:   ${wasmWork.toFixed(0)} ms for the pairs (matchJsonl call), ${perSecond(wasmWork)} pairs/s`);
    console.log(`  WASM speed relative to native (native ms / wasm ms): ${(nativeWork / wasmWork).toFixed(2)}x; same bytes: ${same ? 'yes' : 'NO'}`);
    console.log(`  target >= 5000 pairs/s natively: ${perSecond(nativeWork) >= 5000 ? 'met' : 'MISS'}`);
    return same;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
