#!/usr/bin/env node
// The softalign protocol (docs/alignment.md, "Soft unit vectors"): runs `parallax compare --json`
// with each given options object on the four dev sets, scores it with scripts/eval-align.mjs's
// own functions, and prints one row per options object: seeds precision / R(C), samples,
// warehouse and harbour precision / R(union), the pooled figures over samples + warehouse +
// harbour (links summed: right/predicted, found/gold) with F1, and whether the row passes the
// protocol against the first row (the baseline, normally '{}'):
//   pooled R(union) +0.03 or more, pooled precision -0.01 or less, no one of the three sets
//   losing more than 0.03 precision, seeds precision >= 0.55.
//
//   node scripts/eval-soft.mjs [--cli PATH] '{}' '{"wordnetWeight":0.4}' ...
//
// Seeds are skipped (shown as "-", and the seeds rule then cannot be checked: "?") when
// ../shared/data/seeds is absent. Exit status 0, or 1 when the CLI fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { predictedLinks, score } from './eval-align.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const goldDir = join(root, 'tests', 'gold');
const setDirs = { seeds: join(root, '..', 'shared', 'data', 'seeds'), samples: join(root, 'samples'),
  warehouse: join(root, 'tests', 'corpus', 'warehouse'), harbour: join(root, 'tests', 'corpus', 'harbour') };
const pooledSets = ['samples', 'warehouse', 'harbour'];

function evaluate(cli, set, options) {
  const golds = readdirSync(goldDir).filter((f) => f.startsWith(`${set}.`) && f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8')));
  const dir = setDirs[set];
  if (!golds.length || !existsSync(dir)) return null;
  const files = golds[0].files.map((f) => join(dir, f));
  if (files.some((f) => !existsSync(f))) return null;
  const r = spawnSync(cli, ['compare', '--json', '--options', options, ...files], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.error || r.status !== 0) throw new Error(`${cli} failed on ${set} with ${options}: ${r.stderr ?? r.error}`);
  const s = score(predictedLinks(JSON.parse(r.stdout)), golds);
  // seeds: recall against annotator C (the proposition-level gold); others: the union.
  const c = golds.findIndex((g) => g.annotator === 'C');
  const recall = set === 'seeds' && c >= 0 ? s.recallPer[c] : s.recall;
  const gold = set === 'seeds' && c >= 0 ? s.goldLinksPer[c] : s.goldLinks;
  return { predicted: s.predicted, correct: s.correct, precision: s.precision, recall, gold, found: Math.round(recall * gold) };
}

function main() {
  const args = process.argv.slice(2);
  let cli = join(root, 'build', 'native', 'parallax');
  const variants = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--cli') cli = args[++i];
    else variants.push(args[i]);
  }
  if (!variants.length) variants.push('{}');
  const f3 = (x) => (x == null || Number.isNaN(x) ? '  -  ' : x.toFixed(3));
  console.log(['options'.padEnd(44), 'seeds P/R(C)', 'samples P/R', 'warehouse P/R', 'harbour P/R', 'pooled links P/R/F1', 'protocol'].join(' | '));
  let base = null;
  for (const options of variants) {
    const r = {};
    for (const set of Object.keys(setDirs)) r[set] = evaluate(cli, set, options);
    const sum = (k) => pooledSets.reduce((n, s) => n + r[s][k], 0);
    const pooled = { predicted: sum('predicted'), correct: sum('correct'), found: sum('found'), gold: sum('gold') };
    pooled.precision = pooled.correct / pooled.predicted;
    pooled.recall = pooled.found / pooled.gold;
    pooled.f1 = (2 * pooled.precision * pooled.recall) / (pooled.precision + pooled.recall);
    let verdict = 'baseline';
    if (base) {
      const fails = [];
      if (pooled.recall - base.pooled.recall < 0.03 - 1e-12) fails.push('recall');
      if (base.pooled.precision - pooled.precision > 0.01 + 1e-12) fails.push('precision');
      for (const s of pooledSets) if (base.r[s].precision - r[s].precision > 0.03 + 1e-12) fails.push(`${s} P`);
      if (!r.seeds) fails.push('seeds ?');
      else if (r.seeds.precision < 0.55) fails.push('seeds P');
      verdict = fails.length ? `fails: ${fails.join(', ')}` : 'PASSES';
    } else base = { r, pooled };
    const pr = (x) => (x ? `${f3(x.precision)}/${f3(x.recall)}` : '   -   ');
    console.log([options.padEnd(44), pr(r.seeds).padEnd(12), pr(r.samples).padEnd(11), pr(r.warehouse).padEnd(13),
      pr(r.harbour).padEnd(11), `${pooled.correct}/${pooled.predicted} ${pooled.found}/${pooled.gold} ${f3(pooled.precision)}/${f3(pooled.recall)}/${f3(pooled.f1)}`, verdict].join(' | '));
  }
}

try { main(); } catch (e) { console.error(`eval-soft: ${e.message}`); process.exit(1); }
