#!/usr/bin/env node
// Alignment quality against the hand-made gold in tests/gold/ (guidelines: tests/gold/README.md).
//
//   node scripts/eval-align.mjs [--set seeds|samples|warehouse|harbour|waterworks|all] [--cli PATH] [--options JSON] [--errors]
//                               [--sweep] [--claims N]
//
// Every gold file of a set (tests/gold/<set>.<annotator>.json: A, B, C, ...) is read; --sweep scores
// the TF-IDF baseline at cosine 0.2 .. 0.6; --claims N lists each annotator's N claims holding most
// links with the baseline's cosines over them (diagnosis: which claims a lexical score can reach).
//
// For each set it runs `parallax compare --json` on the set's files (seeds: ../shared/data/seeds,
// skipped with a message when absent; samples: samples/; warehouse: tests/corpus/warehouse/, a
// held-out set nobody tuned on; harbour: tests/corpus/harbour/, a second one written independently
// of it; waterworks: tests/corpus/waterworks/, a fifth written independently of both, see
// tests/gold/README.md), turns every predicted claim into
// cross-article sentence links (each pair of its members that lie in different articles) and
// compares them with the gold links (each pair of members of one gold claim that lie in different
// files). A predicted sentence stands for a gold sentence when both are in the same file and their
// byte spans overlap by at least 50% of the shorter span (so small segmentation changes do not
// break the gold); one predicted sentence may stand for several gold sentences and vice versa.
//
//   precision  = predicted links that join two sentences sharing a claim in ANY annotator's file
//                / predicted links (distinct sentence pairs)
//   recall     = gold links hit by some predicted link / gold links; given per annotator and against
//                the union of annotators' links. HEADLINE: precision and recall(A∪B), i.e. a link
//                counts as right when either annotator makes it.
//   unique     = gold single-source sentences (in a one-article claim of some annotator and in no
//                cross-article claim of any) that the prediction leaves without a cross-article link.
//
// The same figures are printed for a trivial baseline computed here in plain JS: every cross-article
// pair of non-boilerplate sentences with TF-IDF cosine >= 0.5. Exit status: 0, or 1 when the CLI fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const goldDir = join(root, 'tests', 'gold');
const setDirs = { seeds: join(root, '..', 'shared', 'data', 'seeds'), samples: join(root, 'samples'),
  warehouse: join(root, 'tests', 'corpus', 'warehouse'),  // goldset: held-out third set
  harbour: join(root, 'tests', 'corpus', 'harbour'),       // goldset2: held-out fourth set
  waterworks: join(root, 'tests', 'corpus', 'waterworks') };  // goldset3: held-out fifth set
export const setNames = Object.keys(setDirs);

// ---------------------------------------------------------------------------------------------
// Pure helpers (exported for tests/node/eval-align.test.mjs)

const spanKey = (file, start, end) => `${file}\u0000${start}\u0000${end}`;
const pairKey = (a, b) => (a < b ? `${a}\u0001${b}` : `${b}\u0001${a}`);
const fileOf = (key) => key.slice(0, key.indexOf('\u0000'));

/** Gold annotation -> { spans: Map key->{file,start,end}, links: Set pairKey, unique: Set key, cross: Set key }. */
export function goldLinks(gold) {
  const spans = new Map();
  const links = new Set();
  const cross = new Set();   // sentences in some cross-article claim
  const single = new Set();  // sentences in some one-article claim
  for (const claim of gold.claims) {
    const keys = [...new Set(claim.members.map((m) => spanKey(m.file, m.start, m.end)))];
    claim.members.forEach((m) => spans.set(spanKey(m.file, m.start, m.end), { file: m.file, start: m.start, end: m.end }));
    const files = new Set(keys.map(fileOf));
    for (const k of keys) (files.size > 1 ? cross : single).add(k);
    for (let i = 0; i < keys.length; i++)
      for (let j = i + 1; j < keys.length; j++)
        if (fileOf(keys[i]) !== fileOf(keys[j])) links.add(pairKey(keys[i], keys[j]));
  }
  return { spans, links, cross, single };
}

/** True when [a0,a1) and [b0,b1) overlap by at least half of the shorter span. */
export function spansMatch(a0, a1, b0, b1) {
  const overlap = Math.min(a1, b1) - Math.max(a0, b0);
  const shorter = Math.min(a1 - a0, b1 - b0);
  return overlap > 0 && shorter > 0 && overlap * 2 >= shorter;
}

/**
 * Scores predicted links against one or more gold annotations.
 * predicted: array of [spanA, spanB] with span = {file,start,end} (duplicates are merged).
 * golds: array of gold annotation objects (same set). Returns counts and ratios.
 */
export function score(predicted, golds) {
  const gs = golds.map(goldLinks);
  const union = new Set(gs.flatMap((g) => [...g.links]));
  const allSpans = new Map(gs.flatMap((g) => [...g.spans]));
  const byFile = new Map();
  for (const [key, s] of allSpans) {
    if (!byFile.has(s.file)) byFile.set(s.file, []);
    byFile.get(s.file).push(key);
  }
  const mapSpan = (s) => (byFile.get(s.file) ?? []).filter((k) => {
    const g = allSpans.get(k);
    return spansMatch(s.start, s.end, g.start, g.end);
  });
  const seen = new Set();
  const hit = new Set();       // gold links (union) reached by some predicted link
  const linked = new Set();    // gold sentences that some predicted cross-article link touches
  let nPred = 0, nCorrect = 0;
  const wrong = [];
  for (const [a, b] of predicted) {
    if (a.file === b.file) continue;
    const k = pairKey(spanKey(a.file, a.start, a.end), spanKey(b.file, b.start, b.end));
    if (seen.has(k)) continue;
    seen.add(k);
    nPred++;
    const ga = mapSpan(a), gb = mapSpan(b);
    ga.forEach((x) => linked.add(x));
    gb.forEach((x) => linked.add(x));
    let ok = false;
    for (const x of ga) for (const y of gb) {
      const l = pairKey(x, y);
      if (union.has(l)) { ok = true; hit.add(l); }
    }
    if (ok) nCorrect++; else wrong.push([a, b]);
  }
  const ratio = (n, d) => (d ? n / d : NaN);
  const recallOf = (links) => ratio([...links].filter((l) => hit.has(l)).length, links.size);
  const crossAny = new Set(gs.flatMap((g) => [...g.cross]));
  const uniqueGold = [...new Set(gs.flatMap((g) => [...g.single]))].filter((k) => !crossAny.has(k));
  const uniqueKept = uniqueGold.filter((k) => !linked.has(k)).length;
  const missed = [...union].filter((l) => !hit.has(l)).map((l) => l.split('\u0001').map((k) => allSpans.get(k)));
  return {
    predicted: nPred, correct: nCorrect, precision: ratio(nCorrect, nPred),
    recall: recallOf(union), recallPer: gs.map((g) => recallOf(g.links)),
    goldLinks: union.size, goldLinksPer: gs.map((g) => g.links.size), goldClaimsPer: golds.map((g) => g.claims.length),
    uniqueGold: uniqueGold.length, uniqueKept, wrong, missed,
  };
}

/** Cross-article sentence links of a parallax/1 analysis: [[spanA, spanB], ...]. */
export function predictedLinks(analysis) {
  const links = [];
  for (const claim of analysis.claims ?? []) {
    const ms = claim.members.map((m) => {
      const art = analysis.articles[m.article];
      const s = art.paragraphs[m.paragraph].sentences[m.sentence];
      return { file: art.name, start: s.start, end: s.end, article: m.article };
    });
    for (let i = 0; i < ms.length; i++)
      for (let j = i + 1; j < ms.length; j++)
        if (ms[i].article !== ms[j].article) links.push([ms[i], ms[j]]);
  }
  return links;
}

const STOP = new Set(('a an the and or but if of to in on at by for with from as is are was were be been being it its this ' +
  'that these those he she they we you i his her their our your them him us not no so than then there here will would ' +
  'can could may might should must has have had do does did also about into over after before while which who whom ' +
  'what when where why how all any both each more most other some such only own same very just s t').split(' '));
const tokens = (text) => (text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [])
  .filter((w) => !STOP.has(w)).map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));

/** TF-IDF vectors of the non-boilerplate sentences of an analysis (IDF over the set's sentences). */
export function tfidfSentences(analysis) {
  const sents = [];
  analysis.articles.forEach((art, ai) => art.paragraphs.forEach((p) => {
    if (p.kind === 'boilerplate') return;
    p.sentences.forEach((s) => sents.push({ file: art.name, start: s.start, end: s.end, article: ai, toks: tokens(s.text) }));
  }));
  const df = new Map();
  for (const s of sents) for (const w of new Set(s.toks)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = sents.length;
  for (const s of sents) {
    const tf = new Map();
    for (const w of s.toks) tf.set(w, (tf.get(w) ?? 0) + 1);
    s.vec = new Map([...tf].map(([w, c]) => [w, c * Math.log((n + 1) / (df.get(w) + 0.5))]));
    s.norm = Math.sqrt([...s.vec.values()].reduce((t, v) => t + v * v, 0));
  }
  return sents;
}

/** Cosine of two sentences from tfidfSentences (0 when either has no terms). */
export function cosine(a, b) {
  if (!a.norm || !b.norm) return 0;
  let dot = 0;
  for (const [w, v] of a.vec) { const u = b.vec.get(w); if (u) dot += u * v; }
  return dot / (a.norm * b.norm);
}

/** Every cross-article sentence pair with its cosine > 0: [[a, b, cos], ...]. */
export function tfidfPairs(analysis) {
  const sents = tfidfSentences(analysis);
  const pairs = [];
  for (let i = 0; i < sents.length; i++) for (let j = i + 1; j < sents.length; j++) {
    const a = sents[i], b = sents[j];
    if (a.article === b.article) continue;
    const c = cosine(a, b);
    if (c > 0) pairs.push([a, b, c]);
  }
  return pairs;
}

/** Baseline: every cross-article pair of non-boilerplate sentences with TF-IDF cosine >= threshold. */
export function tfidfLinks(analysis, threshold = 0.5) {
  return tfidfPairs(analysis).filter((p) => p[2] >= threshold).map(([a, b]) => [a, b]);
}

/**
 * Per gold claim of one annotation: its cross-file links and how the TF-IDF baseline scores them
 * (gold spans stand for the analysis sentences they overlap, as in score()). Sorted by links, most first.
 */
export function claimCosines(analysis, gold, thresholds = [0.2, 0.3, 0.5]) {
  const sents = tfidfSentences(analysis);
  const find = (m) => sents.find((s) => s.file === m.file && spansMatch(m.start, m.end, s.start, s.end));
  const out = [];
  for (const claim of gold.claims) {
    const ms = claim.members.map((m) => ({ m, s: find(m) }));
    const cos = [];
    for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++)
      if (ms[i].m.file !== ms[j].m.file) cos.push(ms[i].s && ms[j].s ? cosine(ms[i].s, ms[j].s) : 0);
    if (!cos.length) continue;
    cos.sort((x, y) => x - y);
    out.push({ label: claim.label, members: ms.length, links: cos.length, median: cos[cos.length >> 1],
      max: cos[cos.length - 1], atLeast: thresholds.map((t) => cos.filter((c) => c >= t).length) });
  }
  return out.sort((x, y) => y.links - x.links || (x.label < y.label ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const o = { set: 'all', cli: join(root, 'build', 'native', 'parallax'), options: null, errors: false, sweep: false, claims: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--set') o.set = argv[++i];
    else if (a === '--cli') o.cli = argv[++i];
    else if (a === '--options') o.options = argv[++i];
    else if (a === '--errors') o.errors = true;
    else if (a === '--sweep') o.sweep = true;
    else if (a === '--claims') o.claims = Number(argv[++i]) || 10;
    else if (a === '-h' || a === '--help') { console.log('usage: node scripts/eval-align.mjs [--set seeds|samples|warehouse|harbour|waterworks|all] [--cli PATH] [--options JSON] [--errors] [--sweep] [--claims N]'); process.exit(0); }
    else { console.error(`eval-align: unknown argument ${a}`); process.exit(2); }
  }
  if (![...setNames, 'all'].includes(o.set)) { console.error(`eval-align: --set must be ${setNames.join(', ')} or all`); process.exit(2); }
  return o;
}

const fmt = (x) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
const pad = (s, n) => String(s).padStart(n);

function evalSet(set, opts) {
  const golds = readdirSync(goldDir).filter((f) => f.startsWith(`${set}.`) && f.endsWith('.json')).sort()
    .map((f) => JSON.parse(readFileSync(join(goldDir, f), 'utf8')));
  if (!golds.length) { console.log(`${set}: no gold files in tests/gold/`); return true; }
  const dir = setDirs[set];
  if (!existsSync(dir)) { console.log(`${set}: skipped (${dir} not found)`); return true; }
  const files = golds[0].files.map((f) => join(dir, f));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) { console.log(`${set}: skipped (missing ${missing.join(', ')})`); return true; }
  const args = ['compare', '--json', ...(opts.options ? ['--options', opts.options] : []), ...files];
  const r = spawnSync(opts.cli, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.error || r.status !== 0) {
    console.error(`${set}: ${opts.cli} failed (${r.error ? r.error.message : `exit ${r.status}`})\n${r.stderr ?? ''}`);
    return false;
  }
  const analysis = JSON.parse(r.stdout);
  const rows = [['cli', score(predictedLinks(analysis), golds)]];
  const pairs = tfidfPairs(analysis);
  const cut = (t) => pairs.filter((p) => p[2] >= t).map(([a, b]) => [a, b]);
  for (const t of opts.sweep ? [0.2, 0.3, 0.4, 0.5, 0.6] : [0.5]) rows.push([`tfidf>=${t} (js)`, score(cut(t), golds)]);
  const s0 = rows[0][1];
  const names = golds.map((g) => g.annotator);
  console.log(`\n${set}: ${files.length} articles; gold ` +
    names.map((n, i) => `${n} ${s0.goldClaimsPer[i]} claims/${s0.goldLinksPer[i]} links`).join(', ') +
    `; union ${s0.goldLinks} links; ${s0.uniqueGold} single-source sentences`);
  const head = ['method'.padEnd(16), 'links', 'right', 'precision', ...names.map((n) => `R(${n})`.padStart(6)), 'R(union)', 'unique kept'];
  console.log(head.join('  '));
  for (const [name, s] of rows) {
    console.log([name.padEnd(16), pad(s.predicted, 5), pad(s.correct, 5), pad(fmt(s.precision), 9),
      ...s.recallPer.map((x) => pad(fmt(x), 6)), pad(fmt(s.recall), 8), pad(`${s.uniqueKept}/${s.uniqueGold}`, 11)].join('  '));
  }
  if (opts.claims) {
    for (const g of golds) {
      console.log(`  ${g.annotator}: claims holding most links; TF-IDF cosine of their links (median, max, links >= 0.2/0.3/0.5)`);
      for (const c of claimCosines(analysis, g).slice(0, opts.claims))
        console.log(`    ${pad(c.links, 4)} links ${pad(c.members, 3)} sentences  med ${fmt(c.median)} max ${fmt(c.max)}  ${c.atLeast.map((n) => pad(n, 3)).join(' ')}  ${c.label}`);
    }
  }
  if (opts.errors) {
    const text = (sp) => {
      for (const a of analysis.articles) if (a.name === sp.file)
        for (const p of a.paragraphs) for (const s of p.sentences)
          if (spansMatch(sp.start, sp.end, s.start, s.end)) return s.text.slice(0, 90);
      return '?';
    };
    const show = (sp) => `${sp.file}@${sp.start}: ${text(sp)}`;
    console.log(`  cli wrong links (${s0.wrong.length}):`);
    s0.wrong.forEach(([a, b]) => console.log(`    - ${show(a)}\n      ${show(b)}`));
    console.log(`  gold links the cli missed (${s0.missed.length}):`);
    s0.missed.forEach(([a, b]) => console.log(`    - ${show(a)}\n      ${show(b)}`));
  }
  return true;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const sets = opts.set === 'all' ? setNames : [opts.set];
  let ok = true;
  for (const set of sets) ok = evalSet(set, opts) && ok;
  console.log('\nheadline: precision (link right if either annotator has it) and R(union). Spans match at >= 50% overlap of the shorter one.');
  process.exit(ok ? 0 : 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
