#!/usr/bin/env node
// Prints the contradictions `parallax compare` finds in a set, for a person to check.
//
//   node scripts/eval-diverge.mjs [--set seeds|samples] [--all] [--facts] [--cli PATH] [FILE|DIR...]
//
// Default set: ../shared/data/seeds (skipped with a message when absent). For every contradiction
// shown by default (confidence >= the display threshold) it prints the note, the confidence, and
// both sentences with the disputed phrase in [brackets], so a reader can agree or not; then the
// number of hidden ones (--all prints those too), the omissions per article, and with --facts
// every extracted fact. Exit status: 0, 1 when the CLI fails, 0 with a message when the set is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sets = { seeds: join(root, '..', 'shared', 'data', 'seeds'), samples: join(root, 'samples') };

const args = process.argv.slice(2);
let cli = join(root, 'build', 'native', 'parallax');
let set = 'seeds';
let showAll = false;
let showFacts = false;
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--cli') cli = args[++i];
  else if (args[i] === '--set') set = args[++i];
  else if (args[i] === '--all') showAll = true;
  else if (args[i] === '--facts') showFacts = true;
  else inputs.push(args[i]);
}
if (inputs.length === 0) {
  const dir = sets[set];
  if (!dir) {
    console.error(`eval-diverge: unknown set ${set} (seeds, samples)`);
    process.exit(2);
  }
  if (!existsSync(dir)) {
    console.log(`eval-diverge: ${dir} is absent; nothing to evaluate`);
    process.exit(0);
  }
  inputs.push(dir);
}
const files = inputs.flatMap((p) =>
  statSync(p).isDirectory() ? readdirSync(p).sort().map((n) => join(p, n)) : [p]);

const run = spawnSync(cli, ['compare', '--json', ...files], { encoding: 'utf8', maxBuffer: 1 << 30 });
if (run.status !== 0) {
  console.error(`eval-diverge: ${cli} failed: ${run.stderr}`);
  process.exit(1);
}
const doc = JSON.parse(run.stdout);

function sentence(ref) {
  return doc.articles[ref.article].paragraphs[ref.paragraph].sentences[ref.sentence];
}
function marked(side) {
  const s = sentence(side);
  const text = s.text;
  // Byte offsets -> string positions.
  const bytes = Buffer.from(text, 'utf8');
  const from = side.start - s.start, to = side.end - s.start;
  return bytes.subarray(0, from).toString() + '[' + bytes.subarray(from, to).toString() + ']' +
    bytes.subarray(to).toString();
}
function name(a) { return `${a} ${doc.articles[a].name}`; }

const shown = doc.contradictions.filter((c) => c.shown);
const hidden = doc.contradictions.filter((c) => !c.shown);
console.log(`${doc.articles.length} articles, ${doc.facts.length} facts, ` +
  `${doc.contradictions.length} contradictions: ${shown.length} shown, ${hidden.length} hidden`);
const print = (c) => {
  console.log(`\n${c.id} ${c.kind} (${c.scope}, confidence ${c.confidence}${c.claim >= 0 ? `, claim ${c.claim}` : ''}): ${c.subject}`);
  console.log(`  ${c.note}`);
  console.log(`  a [${name(c.a.article)} p${c.a.paragraph} s${c.a.sentence}] ${c.a.value}: ${marked(c.a)}`);
  console.log(`  b [${name(c.b.article)} p${c.b.paragraph} s${c.b.sentence}] ${c.b.value}: ${marked(c.b)}`);
};
console.log('\nShown by default:');
shown.forEach(print);
if (showAll) {
  console.log('\nHidden (below the display threshold):');
  hidden.forEach(print);
}
console.log('\nOmissions (claims most other articles make):');
for (const o of doc.omissions) {
  const top = o.missing.slice(0, 3).map((m) => `c${m.claim} (${m.support}) ${doc.claims[m.claim].label}`);
  console.log(`  ${name(o.article)}: ${o.missing.length} missing${top.length ? '; ' + top.join(' | ') : ''}`);
}
if (showFacts) {
  console.log('\nFacts:');
  for (const f of doc.facts) {
    console.log(`  ${f.article}/${f.paragraph}/${f.sentence} ${f.kind.padEnd(7)} ${JSON.stringify(f.text)} -> ${f.value}`);
  }
}
