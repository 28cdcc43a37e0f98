#!/usr/bin/env node
// Validates the target sentiment of the article stance (core/stance/tone.cpp, owner "tone") on
// NewsMTSC (../shared/data/newsmtsc: sentence, mention, from, to, polarity -1/0/1):
//   node scripts/eval-tone.mjs [--data DIR] [--bin build/native/parallax-tone]
// Scores every mention with build/native/parallax-tone and prints accuracy and macro-F1 on dev
// for: the learned model (target_sentiment: the most probable class; trained on train.jsonl by
// scripts/train-tone.sh, whose 5-fold CV figures it prints) and two unlearned baselines, the
// distance-weighted window (target_window_sentiment) and the whole sentence's tone, mapped to
// -1/0/1 with a neutral band |score| < t, t picked on train (5-fold CV figures printed for that
// choice). Skips with a message when the data is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const dataDir = option('--data', join(root, '../shared/data/newsmtsc'));
const bin = option('--bin', join(root, 'build/native/parallax-tone'));

if (!existsSync(join(dataDir, 'dev.jsonl')) || !existsSync(join(dataDir, 'train.jsonl'))) {
  console.log(`eval-tone: skipped (no NewsMTSC data in ${dataDir})`);
  process.exit(0);
}
if (!existsSync(bin)) {
  console.error(`eval-tone: ${bin} is missing; run bash scripts/build.sh native`);
  process.exit(1);
}

function read(file) {
  return readFileSync(join(dataDir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

// NewsMTSC offsets count code points; the core wants UTF-8 bytes.
function byteOffset(text, codePoints) {
  return Buffer.byteLength([...text].slice(0, codePoints).join(''));
}

function score(rows) {
  const input = rows
    .map((r) =>
      JSON.stringify({
        sentence: r.sentence,
        start: byteOffset(r.sentence, r.from),
        end: byteOffset(r.sentence, r.to),
      }),
    )
    .join('\n');
  const run = spawnSync(bin, [], { input: input + '\n', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`${bin} failed: ${run.stderr}`);
  const lines = run.stdout.toString().trim().split('\n');
  if (lines.length !== rows.length) throw new Error('parallax-tone: line count mismatch');
  return lines.map((l) => JSON.parse(l));
}

const label = (s, t) => (s >= t ? 1 : s <= -t ? -1 : 0);

function metrics(gold, predicted) {
  let correct = 0;
  const f1s = [];
  for (const c of [-1, 0, 1]) {
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < gold.length; ++i) {
      if (predicted[i] === c && gold[i] === c) ++tp;
      else if (predicted[i] === c) ++fp;
      else if (gold[i] === c) ++fn;
    }
    const p = tp + fp ? tp / (tp + fp) : 0;
    const r = tp + fn ? tp / (tp + fn) : 0;
    f1s.push(p + r ? (2 * p * r) / (p + r) : 0);
  }
  for (let i = 0; i < gold.length; ++i) correct += gold[i] === predicted[i] ? 1 : 0;
  return { accuracy: correct / gold.length, macroF1: (f1s[0] + f1s[1] + f1s[2]) / 3, f1: f1s };
}

const thresholds = Array.from({ length: 40 }, (_, i) => 0.01 + i * 0.02);
function bestThreshold(scores, gold) {
  let best = { t: thresholds[0], macroF1: -1 };
  for (const t of thresholds) {
    const m = metrics(gold, scores.map((s) => label(s, t)));
    if (m.macroF1 > best.macroF1) best = { t, macroF1: m.macroF1 };
  }
  return best.t;
}

const fmt = (x) => x.toFixed(3);
const train = read('train.jsonl');
const dev = read('dev.jsonl');
const trainScores = score(train);
const devScores = score(dev);
const trainGold = train.map((r) => r.polarity);
const devGold = dev.map((r) => r.polarity);

console.log(`NewsMTSC: train ${train.length} mentions, dev ${dev.length}`);
console.log('method              t      CV acc  CV mF1 | dev acc  dev mF1  (F1 neg/neu/pos)');
{
  const argmax = (p) => (p[0] >= p[1] && p[0] >= p[2] ? -1 : p[2] > p[1] ? 1 : 0);
  const m = metrics(devGold, devScores.map((s) => argmax(s.probabilities)));
  const t = metrics(trainGold, trainScores.map((s) => argmax(s.probabilities)));
  console.log(
    `${'target_sentiment'.padEnd(20)}model  ${fmt(t.accuracy)}*  ${fmt(t.macroF1)}* | ${fmt(m.accuracy)}    ${fmt(m.macroF1)}    (${m.f1.map(fmt).join('/')})`,
  );
}
for (const key of ['window', 'sentence']) {
  const all = trainScores.map((s) => s[key]);
  // 5-fold CV over the training set (fold = index mod 5) for the choice of t.
  const folds = 5;
  let acc = 0, mf1 = 0;
  for (let f = 0; f < folds; ++f) {
    const fitIdx = [], testIdx = [];
    all.forEach((_, i) => (i % folds === f ? testIdx : fitIdx).push(i));
    const t = bestThreshold(fitIdx.map((i) => all[i]), fitIdx.map((i) => trainGold[i]));
    const m = metrics(testIdx.map((i) => trainGold[i]), testIdx.map((i) => label(all[i], t)));
    acc += m.accuracy / folds;
    mf1 += m.macroF1 / folds;
  }
  const t = bestThreshold(all, trainGold);
  const m = metrics(devGold, devScores.map((s) => label(s[key], t)));
  const name = key === 'window' ? 'window (unlearned)' : 'sentence_tone';
  console.log(
    `${name.padEnd(20)}${t.toFixed(2)}   ${fmt(acc)}   ${fmt(mf1)}  | ${fmt(m.accuracy)}    ${fmt(m.macroF1)}    (${m.f1.map(fmt).join('/')})`,
  );
}
const majority = metrics(devGold, devGold.map(() => 0));
console.log(`majority (neutral)                             | ${fmt(majority.accuracy)}    ${fmt(majority.macroF1)}`);
console.log('* the model row shows its fit on all of train; its 5-fold CV is printed by scripts/train-tone.sh');
