// Resources::warnings() through the WebAssembly bindings (cleanup): loadResources() returns them
// as `warnings`, and the ES module's resourceWarnings() hands them on. The damaged resource is the
// committed WordNet rewritten as format version 1 (no parts of speech): it still loads, with a
// warning naming the file, while the committed resources load with none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { root, coreJs, wordnetAsVersion1 } from './helpers.mjs';

const require = createRequire(import.meta.url);
const resourceDir = join(root, 'resources');
const names = ['wordnet-en.bin', 'news-lexicon.bin', 'matcher-v1.json'];
const missing = !existsSync(coreJs)
  ? 'build/wasm/parallax-core.js is missing (bash scripts/build.sh wasm)'
  : !names.every((n) => existsSync(join(resourceDir, n))) && 'resources/ holds no trained matcher';

function resources(wordnet) {
  return names.map((name) => ({
    name,
    bytes: name === 'wordnet-en.bin' && wordnet ? wordnet : new Uint8Array(readFileSync(join(resourceDir, name))),
  }));
}

test('loadResources() returns the core warnings: none for the committed files, one for an old WordNet', { skip: missing }, async () => {
  const core = await require(coreJs)();
  const good = core.loadResources(resources());
  assert.equal(good.ok, true);
  assert.deepEqual(Array.from(good.warnings), []);

  const old = core.loadResources(resources(wordnetAsVersion1(readFileSync(join(resourceDir, 'wordnet-en.bin')))));
  assert.equal(old.ok, true, 'an old WordNet still loads');
  assert.equal(old.matcher, 'learned-v1');
  const warnings = Array.from(old.warnings);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^Resource wordnet-en\.bin: /);
  assert.match(warnings[0], /part/i, 'it says what is missing');

  // a corrupt file is still an error value, not a warning
  const bad = core.loadResources([{ name: 'wordnet-en.bin', bytes: new Uint8Array([1, 2, 3]) }, ...resources().slice(1)]);
  assert.equal(bad.ok, false);
  assert.equal(bad.code, 'invalid_argument');
  assert.equal(bad.warnings, undefined);
});

test('parallax.resourceWarnings() holds what load() was told', { skip: missing }, async () => {
  // a module instance of its own: load() runs once per instance
  const parallax = await import(`../../wasm/parallax.mjs?resource-warnings`);
  assert.deepEqual(parallax.resourceWarnings(), []);
  await parallax.load({ resources: resources(wordnetAsVersion1(readFileSync(join(resourceDir, 'wordnet-en.bin')))) });
  const warnings = parallax.resourceWarnings();
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^Resource wordnet-en\.bin: /);
  warnings.push('changed by the caller');
  assert.equal(parallax.resourceWarnings().length, 1, 'a copy');
  // the analysis itself is unchanged by the warning
  assert.equal(parallax.compare([{ name: 'a.txt', bytes: 'The ferry resumed on Tuesday.' }]).schema, 'parallax/1');
});
