// node:test suite for the native CLI (build/native/parallax) on bad and unusual input:
// a clear message and a sensible exit code, never a crash or a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

import { runCli, writeTempFiles } from './helpers.mjs';

const story = (n) => `Report ${n}\n\nThe ferry to Oskel island resumed on Tuesday after repairs.\n`;

test('an empty file alone: exit 1 and a message naming it', () => {
  const [empty] = writeTempFiles({ 'empty.txt': '' });
  const r = runCli(['compare', empty]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /empty\.txt/);
});

test('a binary file among articles: a notice, the rest is compared', () => {
  const paths = writeTempFiles({ 'a.txt': story(1), 'b.txt': story(2), 'photo.jpg': Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), randomBytes(2048)]) });
  const r = runCli(['compare', '--json', ...paths]);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /photo\.jpg/);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.articles.length, 2);
  assert.equal(doc.notices[0].code, 'binary_input');
});

test('a 50 MB file: refused with its size, no crash', () => {
  const paths = writeTempFiles({ 'huge.txt': Buffer.alloc(50 * 1024 * 1024, 'word '), 'a.txt': story(1) });
  const r = runCli(['compare', '--json', ...paths]);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /huge\.txt.*MB/);
});

test('invalid UTF-8 is repaired with a warning', () => {
  const paths = writeTempFiles({ 'bad.txt': Buffer.concat([Buffer.from('The ferry to Oskel '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(' resumed on Tuesday.')]), 'a.txt': story(1) });
  const r = runCli(['compare', '--json', ...paths]);
  assert.equal(r.status, 0);
  const doc = JSON.parse(r.stdout);
  assert.ok(doc.articles[0].paragraphs.length > 0);
  assert.ok(doc.notices.some((n) => n.severity === 'warning' && n.file === 'bad.txt'));
});

test('hostile HTML: scripts and handlers never reach the output', () => {
  const paths = writeTempFiles({
    'evil.html': '<html><body><script>document.title="pwned"</script><p onclick="steal()">The ferry to Oskel island resumed on Tuesday.</p><img src=x onerror=alert(1)><iframe src="javascript:alert(2)"></iframe><svg onload=alert(3)><text>svg</text></svg><p>&lt;script&gt;shown as text&lt;/script&gt;</p></body></html>',
    'a.txt': story(1),
  });
  const r = runCli(['compare', '--json', ...paths]);
  assert.equal(r.status, 0);
  for (const bad of ['pwned', 'steal', 'onerror', 'alert', 'javascript:', 'onload']) assert.ok(!r.stdout.includes(bad), bad);
  const evil = JSON.parse(r.stdout).articles[0];
  assert.ok(evil.paragraphs.some((p) => p.text === '<script>shown as text</script>'));
});

test('one article: analysed, with a warning', () => {
  const [one] = writeTempFiles({ 'one.txt': story(1) });
  const r = runCli(['compare', '--json', one]);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /Only one article/);
});

test('200 files at once, and a directory argument', () => {
  const files = {};
  for (let i = 0; i < 200; i++) files[`r${String(i).padStart(3, '0')}.txt`] = story(i);
  const paths = writeTempFiles(files);
  const r = runCli(['compare', '--json', ...paths]);
  assert.equal(r.status, 0);
  assert.equal(JSON.parse(r.stdout).articles.length, 200);
  const dir = paths[0].slice(0, paths[0].lastIndexOf('/'));
  const fromDir = runCli(['compare', '--json', dir]);
  assert.equal(fromDir.stdout, r.stdout);
});

test('--timing prints the compare call\'s time to stderr and leaves stdout alone', () => {
  const paths = writeTempFiles({ 't1.txt': story(1), 't2.txt': story(2) });
  const plain = runCli(['compare', '--json', ...paths]);
  const timed = runCli(['compare', '--json', '--timing', ...paths]);
  assert.equal(timed.status, 0);
  assert.equal(timed.stdout, plain.stdout);
  assert.match(timed.stderr, /^compute-ms \d+(\.\d+)?(e[-+]?\d+)?$/m);
  assert.doesNotMatch(plain.stderr, /compute-ms/);
});

test('usage errors and missing files', () => {
  assert.equal(runCli([]).status, 2);
  assert.equal(runCli(['frobnicate']).status, 2);
  assert.equal(runCli(['compare']).status, 2);
  assert.equal(runCli(['compare', '--options', '{"matchThreshold":9}', 'x.txt']).status, 2);
  assert.equal(runCli(['match', 'pairs.jsonl']).status, 2);  // --jsonl is required
  const missing = runCli(['compare', '/nonexistent/a.txt']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cannot open/);
  assert.match(runCli(['--version']).stdout, /^parallax \d+\.\d+\.\d+/);
});

test('JSONL streams keep one output line per input line on a large input', () => {
  const lines = [];
  for (let i = 0; i < 5000; i++) lines.push(JSON.stringify({ id: i, a: `Ship ${i} docked at Oskel on Tuesday.`, b: `On Tuesday ship ${i} docked at Oskel.` }));
  const r = runCli(['match', '--jsonl', '-'], lines.join('\n'));
  assert.equal(r.status, 0);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, 5000);
  out.forEach((o, i) => assert.equal(o.id, i));
});

// ---- stance (claim vs body): the model file in the resources directory ----
test('stance: a corrupt stance-v1.json is an error naming it; --no-resources runs the baseline', () => {
  const line = JSON.stringify({ id: 1, claim: 'Oskel ferry resumes', body: 'The Oskel ferry resumes on Tuesday.' });
  const [model, pairs] = writeTempFiles({
    'stance-v1.json': '{"format":"parallax-stance-model","version":1,',
    'pairs.jsonl': line,
  });
  const dir = model.slice(0, model.lastIndexOf('/'));
  const bad = runCli(['stance', '--jsonl', '--resources', dir, pairs]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /stance-v1\.json/);
  assert.equal(bad.stdout, '');
  const baseline = runCli(['stance', '--jsonl', '--no-resources'], line);
  assert.equal(baseline.status, 0);
  assert.deepEqual(JSON.parse(baseline.stdout), {
    id: 1, label: 'discuss', related: 1,
    scores: { agree: 0, disagree: 0, discuss: 1, unrelated: 0 },
    evidence: { text: 'The Oskel ferry resumes on Tuesday.', start: 0, end: 35 },
  });
});
