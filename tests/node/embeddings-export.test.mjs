// scripts/embeddings/export.mjs (owner "glove", docs/matcher.md round 6): the wink
// embeddings layout becomes GloVe-style text, the first COUNT words in the package's order,
// numbers exactly as stored; malformed entries are skipped, a wrong layout fails.
// Uses a small hand-made file (the real package is 300 MB and installed on demand only).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './helpers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const script = join(root, 'scripts/embeddings/export.mjs');

function run(input, count) {
  const dir = tempDir('plx-emb-');
  const inPath = join(dir, 'in.json');
  const outPath = join(dir, 'out.txt');
  writeFileSync(inPath, typeof input === 'string' ? input : JSON.stringify(input));
  const r = spawnSync(process.execPath, [script, inPath, String(count), outPath], { encoding: 'utf8' });
  let text = null;
  try {
    text = readFileSync(outPath, 'utf8');
  } catch {}
  return { status: r.status, stderr: r.stderr, text };
}

const layout = {
  precision: 8,
  l2NormIndex: 3,
  wordIndex: 4,
  size: 5,
  dimensions: 3,
  words: ['the', 'ship', 'bad word', 'vessel', 'cargo'],
  vectors: {
    the: [0.5, -0.25, 1e-7, 1.1, 0],
    ship: [1, 2, 3, 3.74, 1],
    'bad word': [1, 1, 1, 1.7, 2],
    vessel: [0.1, 'x', 0.3, 0.4, 3], // malformed: skipped
    cargo: [-1.5, 0, 2, 2.5, 4],
  },
};

test('exports the first COUNT words as "word v1 .. vD", skipping malformed ones', () => {
  const r = run(layout, 4);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.text, 'the 0.5 -0.25 1e-7\nship 1 2 3\n');
  assert.match(r.stderr, /exported 2 words x 3 dimensions \(2 skipped\)/);
  const all = run(layout, 100);
  assert.equal(all.text, 'the 0.5 -0.25 1e-7\nship 1 2 3\ncargo -1.5 0 2\n');
  assert.equal(run(layout, 100).text, all.text); // deterministic
});

test('a file that is not the wink layout fails with a message', () => {
  const r = run({ words: ['a'] }, 10);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /not the expected wink embeddings layout/);
  assert.equal(r.text, null);
  const broken = run('{"dimensions":3,"words":[', 10);
  assert.notEqual(broken.status, 0);
});
