// node:test suite for the WebAssembly API (wasm/parallax.mjs over build/wasm/parallax-core.js):
// same bytes as the native CLI, errors as ParallaxError, streaming JSONL, bad inputs.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

import * as parallax from '../../wasm/parallax.mjs';
import { root, runCli, writeTempFiles, tricky_inputs, seedsDir, haveSeeds } from './helpers.mjs';

before(async () => {
  await parallax.load();
});

function filesOf(paths) {
  return paths.map((path) => ({ name: basename(path), bytes: readFileSync(path) }));
}

// Equal strings, or a failure that shows where they first differ (not two huge dumps).
function assertSameText(wasm, native) {
  if (wasm === native) return;
  let i = 0;
  while (i < wasm.length && wasm[i] === native[i]) i++;
  assert.fail(`WASM and CLI output differ at byte ${i} (lengths ${wasm.length}, ${native.length}):\n` +
    `  wasm:   …${wasm.slice(Math.max(0, i - 80), i + 80)}\n  native: …${native.slice(Math.max(0, i - 80), i + 80)}`);
}

function assertSameAsCli(paths, options) {
  const args = ['compare', '--json', ...(options ? ['--options', JSON.stringify(options)] : []), ...paths];
  const native = runCli(args);
  assert.equal(native.status, 0, native.stderr);
  const wasm = parallax.compareJson(filesOf(paths), options ?? {});
  assertSameText(wasm + '\n', native.stdout);
  return JSON.parse(wasm);
}

test('compare gives the CLI bytes for the sample articles', () => {
  const dir = join(root, 'samples');
  const paths = readdirSync(dir).filter((n) => !n.endsWith('README.md')).map((n) => join(dir, n)).sort();
  const doc = assertSameAsCli(paths);
  assert.equal(doc.schema, 'parallax/1');
  assert.equal(doc.articles.length, paths.length);
  assert.ok(doc.claims.length > 0, 'the samples share claims');
});

test('compare gives the CLI bytes for every format and encoding', () => {
  const paths = writeTempFiles(tricky_inputs());
  const doc = assertSameAsCli(paths);
  const names = doc.articles.map((a) => a.name);
  assert.ok(names.includes('digest.json#1') && names.includes('digest.json#2'));
  const encodings = Object.fromEntries(doc.articles.map((a) => [a.name, a.encoding]));
  assert.equal(encodings['utf16.txt'], 'utf-16le');
  assert.equal(encodings['cp1252.txt'], 'windows-1252');
  assert.ok(!JSON.stringify(doc).includes('pwned'), 'script and handler text never reaches the output');
  assert.equal(globalThis.pwned, undefined);
});

test('compare gives the CLI bytes with options', () => {
  const paths = writeTempFiles(tricky_inputs());
  assertSameAsCli(paths, { matchThreshold: 0.3, maxArticles: 4 });
});

test('compare with the learned matcher gives the CLI bytes', { skip: !existsSync(join(root, 'resources', 'matcher-v1.json')) && 'no trained model in resources/' }, () => {
  const dir = join(root, 'samples');
  const paths = readdirSync(dir).filter((n) => n !== 'README.md').map((n) => join(dir, n)).sort();
  const doc = assertSameAsCli(paths, { matcher: 'learned' });
  assert.equal(doc.matcher, 'learned-v1');
  if (haveSeeds) {
    const seeds = readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).map((n) => join(seedsDir, n)).sort();
    assertSameAsCli(seeds, { matcher: 'learned' });
  }
});

test('compare gives the CLI bytes for the seed articles', { skip: !haveSeeds && 'shared/data/seeds is absent' }, () => {
  const paths = readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).map((n) => join(seedsDir, n)).sort();
  const doc = assertSameAsCli(paths);
  // Nothing lost: every non-space character of every seed is in some paragraph.
  doc.articles.forEach((article, i) => {
    const original = readFileSync(paths[i], 'utf8').replace(/^\uFEFF/, '').replace(/\s+/g, '');
    const kept = article.paragraphs.map((p) => p.text).join('').replace(/\s+/g, '');
    assert.equal(kept, original, `${article.name} lost text`);
  });
  const boilerplate = doc.articles.flatMap((a) => a.paragraphs).filter((p) => p.kind === 'boilerplate');
  assert.ok(boilerplate.length >= 3, 'seed boilerplate is flagged');
});

test('offsets are UTF-8 byte offsets into the decoded text', () => {
  const text = 'Zoë’s café 🚢 reopened.\n\nThe café on Oskel reopened on Tuesday.\n';
  const doc = parallax.compare([{ name: 'a.txt', bytes: text }, { name: 'b.txt', bytes: 'The café on Oskel reopened on Tuesday.' }]);
  const bytes = Buffer.from(text, 'utf8');
  for (const p of doc.articles[0].paragraphs) {
    assert.equal(bytes.subarray(p.start, p.end).toString('utf8'), p.text);
    for (const s of p.sentences) assert.equal(bytes.subarray(s.start, s.end).toString('utf8'), s.text);
  }
});

test('bad inputs become notices; nothing readable is a ParallaxError', () => {
  const random = new Uint8Array(4096);
  for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
  const doc = parallax.compare([
    { name: 'ok.txt', bytes: 'The ferry to Oskel island resumed on Tuesday.' },
    { name: 'empty.txt', bytes: '' },
    { name: 'noise.bin', bytes: random },
  ]);
  assert.equal(doc.articles.length, 1);
  assert.deepEqual(doc.notices.map((n) => n.code), ['empty_input', 'binary_input', 'single_article']);

  assert.throws(() => parallax.compare([]), { name: 'ParallaxError', code: 'no_articles' });
  assert.throws(() => parallax.compare([{ name: 'e.txt', bytes: '' }]), (e) => e.code === 'no_articles' && /e\.txt/.test(e.message));
  assert.throws(() => parallax.compare([{ name: 'a.txt', bytes: 'x' }], { matchThreshold: 7 }), { code: 'invalid_argument' });
  assert.throws(() => parallax.compare('nope'), { code: 'invalid_argument' });
});

test('a 50 MB file is refused with a clear message, not a crash', () => {
  const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
  const doc = parallax.compare([{ name: 'big.txt', bytes: big }, { name: 'ok.txt', bytes: 'Ferry resumes.' }]);
  assert.equal(doc.notices[0].code, 'too_large');
  assert.match(doc.notices[0].message, /big\.txt.*MB/);
});

test('match and stance JSONL give the CLI bytes, one line per line, in order', () => {
  const matchLines = [
    { id: 'p1', a: 'The ferry to Oskel resumed on Tuesday.', b: 'On Tuesday the Oskel ferry resumed.' },
    { id: 2, a: 'Tickets cost 12 euros.', b: 'Storms hit the coast.' },
    'not json',
    { id: 'p4', a: 'only a' },
  ].map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
  const native = runCli(['match', '--jsonl', '-'], matchLines);
  assert.equal(native.status, 0);
  assertSameText(parallax.matchJsonl(matchLines), native.stdout);
  assert.equal(native.stdout.trim().split('\n').length, 4);

  const stanceLines = [
    { id: 's1', claim: 'Oskel ferry resumes', body: 'The ferry to Oskel resumed on Tuesday after repairs.' },
    { id: 's2', claim: 'Oskel ferry resumes', body: 'Officials denied that the Oskel ferry resumes this week.' },
    { id: 's3', claim: 'Oskel ferry resumes', body: 'A new library opened downtown.' },
  ].map((l) => JSON.stringify(l)).join('\n');
  const nativeStance = runCli(['stance', '--jsonl'], stanceLines);
  assertSameText(parallax.stanceJsonl(stanceLines), nativeStance.stdout);
  // stance: labels depend on the learned model (resources/stance-v1.json) when present; the
  // contract holds either way: related lines carry scores and an evidence span of the body.
  const out = nativeStance.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => o.label !== 'unrelated'), [true, true, false]);
  for (const [i, o] of out.entries()) {
    const sum = o.scores.agree + o.scores.disagree + o.scores.discuss + o.scores.unrelated;
    assert.ok(Math.abs(sum - 1) < 1e-3, `scores sum to ${sum}`);
    if (o.label === 'unrelated') {
      assert.equal(o.evidence, undefined);
      continue;
    }
    const body = Buffer.from(JSON.parse(stanceLines.split('\n')[i]).body);
    assert.equal(body.subarray(o.evidence.start, o.evidence.end).toString(), o.evidence.text);
  }
});

test('single-pair helpers (the learned matcher when resources/ holds a trained model)', () => {
  const m = parallax.match('Ferry resumes on Tuesday.', 'On Tuesday the ferry resumes.');
  assert.equal(m.same, true);
  assert.ok(m.score > 0.9 && m.score <= 1, `score ${m.score}`);
  const different = parallax.match('The ferry resumed on Tuesday.', 'Storms hit the coast on Friday.');
  assert.equal(different.same, false);
  const numbers = parallax.match('41 people were injured in the crash.', '14 people were injured in the crash.');
  assert.equal(numbers.same, false, 'different numbers are different claims');
  assert.equal(parallax.stance('Ferry resumes', 'Nothing about boats.').label, 'unrelated');
  assert.match(parallax.version(), /^\d+\.\d+\.\d+$/);
});

test('two hundred files at once', () => {
  const files = Array.from({ length: 200 }, (_, i) => ({
    name: `r${i}.txt`,
    bytes: `Report ${i}\n\nThe ferry to Oskel island resumed on Tuesday. Desk ${i} filed note ${i * 13}.`,
  }));
  const doc = parallax.compare(files);
  assert.equal(doc.articles.length, 200);
  assert.ok(doc.claims.length >= 1);
});

test('repeated calls do not grow memory without bound', () => {
  const files = filesOf(readdirSync(join(root, 'samples')).filter((n) => n !== 'README.md').map((n) => join(root, 'samples', n)));
  for (let i = 0; i < 5; i++) parallax.compareJson(files);
  const before = process.memoryUsage().arrayBuffers;
  for (let i = 0; i < 40; i++) parallax.compareJson(files);
  const after = process.memoryUsage().arrayBuffers;
  assert.ok(after - before < 16 << 20, `wasm memory grew by ${(after - before) >> 20} MB over 40 calls`);
});
