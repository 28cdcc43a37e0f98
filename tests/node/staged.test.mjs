// node:test suite for the staged compare (wasm/parallax.mjs compareStaged over the Embind
// compareStaged): the stages arrive in order, each is a parallax/1 document consistent with the
// final one, and the last is compare()'s JSON (and the CLI's) byte for byte. Owner: stream (issue 6).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

import * as parallax from '../../wasm/parallax.mjs';
import { root, runCli, writeTempFiles, tricky_inputs, seedsDir, haveSeeds } from './helpers.mjs';

before(async () => {
  await parallax.load();
});

function filesOf(paths) {
  return paths.map((path) => ({ name: basename(path), bytes: readFileSync(path) }));
}

function staged(files, options = {}) {
  const stages = [];
  const returned = parallax.compareStaged(files, options, (stage, json) => stages.push({ stage, json }));
  return { stages, returned };
}

function checkStages(files, options = {}) {
  const { stages, returned } = staged(files, options);
  assert.deepEqual(stages.map((s) => s.stage), ['segmented', 'aligned', 'complete']);
  const final = parallax.compareJson(files, options);
  assert.ok(stages[2].json === final, 'the complete stage is compareJson() byte for byte');
  assert.ok(returned === final, 'compareStaged returns the final JSON');

  const [seg, aligned, done] = stages.map((s) => JSON.parse(s.json));
  for (const doc of [seg, aligned]) {
    assert.equal(doc.schema, 'parallax/1');
    assert.equal(doc.articles.length, done.articles.length);
  }
  // Segmented: the final articles' text, paragraphs and sentences; nothing aligned yet.
  for (const key of ['claims', 'rows', 'links', 'reuse', 'facts', 'contradictions', 'omissions', 'stance'])
    assert.deepEqual(seg[key], [], `segmented ${key} is empty`);
  seg.articles.forEach((a, i) => {
    const f = done.articles[i];
    assert.equal(a.name, f.name);
    assert.equal(a.title, f.title);
    assert.deepEqual(a.paragraphs.map((p) => [p.text, p.start, p.end, p.kind]), f.paragraphs.map((p) => [p.text, p.start, p.end, p.kind]));
    assert.deepEqual(a.paragraphs.map((p) => p.sentences.map((s) => [s.text, s.start, s.end])),
      f.paragraphs.map((p) => p.sentences.map((s) => [s.text, s.start, s.end])));
    assert.ok(a.paragraphs.every((p) => p.sentences.every((s) => s.claims.length === 0)));
  });
  // Aligned: the final claims, rows, links, reuse and articles; no divergences or stance yet.
  for (const key of ['claims', 'rows', 'links', 'reuse', 'articles', 'matcher']) assert.deepEqual(aligned[key], done[key], `aligned ${key}`);
  for (const key of ['facts', 'contradictions', 'omissions', 'actors', 'stance']) assert.deepEqual(aligned[key], [], `aligned ${key} is empty`);
  return { seg, aligned, done, final };
}

test('compareStaged: segmented, aligned, complete; the last is compare() byte for byte (samples)', () => {
  const dir = join(root, 'samples');
  const paths = readdirSync(dir).filter((n) => !n.endsWith('README.md')).map((n) => join(dir, n)).sort();
  const { done, final } = checkStages(filesOf(paths));
  assert.ok(done.claims.length > 0 && done.stance.length === done.articles.length);
  const native = runCli(['compare', '--json', ...paths]);
  assert.equal(native.status, 0, native.stderr);
  assert.ok(final + '\n' === native.stdout, 'the complete stage is the CLI output byte for byte');
});

test('compareStaged: every format and encoding, with options', () => {
  const files = filesOf(writeTempFiles(tricky_inputs()));
  checkStages(files);
  checkStages(files, { matchThreshold: 0.3, maxArticles: 4 });
});

test('compareStaged: the seed articles', { skip: !haveSeeds && 'shared/data/seeds is absent' }, () => {
  const paths = readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).map((n) => join(seedsDir, n)).sort();
  const { done } = checkStages(filesOf(paths));
  assert.ok(done.contradictions.length > 0, 'the seeds contradict each other');
});

test('compareStaged: failures report no stage and throw ParallaxError', () => {
  const { stages } = (() => {
    const list = [];
    assert.throws(() => parallax.compareStaged([{ name: 'e.txt', bytes: '' }], {}, (s) => list.push(s)),
      (e) => e instanceof parallax.ParallaxError && e.code === 'no_articles');
    return { stages: list };
  })();
  assert.deepEqual(stages, []);
  assert.throws(() => parallax.compareStaged([{ name: 'a.txt', bytes: 'Text.' }], { matchThreshold: 7 }, () => {}),
    (e) => e.code === 'invalid_argument');
  assert.throws(() => parallax.compareStaged([{ name: 'a.txt', bytes: 'Text.' }], {}, 'not a function'),
    (e) => e.code === 'invalid_argument');
});

test('compareStaged: an exception in onStage is rethrown after the call, the module stays usable', () => {
  const files = filesOf(writeTempFiles(tricky_inputs()));
  const seen = [];
  assert.throws(() => parallax.compareStaged(files, {}, (stage) => {
    seen.push(stage);
    throw new Error('boom in ' + stage);
  }), /boom in segmented/);
  assert.deepEqual(seen, ['segmented'], 'no stage after the failing one');
  checkStages(files);
});
