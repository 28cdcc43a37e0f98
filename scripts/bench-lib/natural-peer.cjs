// The JavaScript peer of scripts/bench: what one would write without Parallax, with the npm
// package `natural` (a dev dependency used by the benchmark only). node natural-peer.cjs FILE...
//
// natural's TfIdf over the articles (one document per article: its tokenizer, lower case, its
// stopwords), every non-blank line a paragraph (FNC-1 bodies put one paragraph per line), each
// paragraph a vector of its terms' counts times their IDF, then the cosine of every pair of
// paragraphs from two different articles; pairs at or above 0.42 (Parallax's baseline threshold)
// are the "alignment". Prints {"paragraphs","pairs","aligned"} on stdout and the time of the
// work alone on stderr ("compute-ms N"), like wasm-compare.cjs.
const fs = require('node:fs');
// natural's modules alone: require('natural') also loads its storage back-ends (seconds).
const { TfIdf } = require('natural/lib/natural/tfidf');
const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer');
const stopwords = new Set(require('natural/lib/natural/util/stopwords').words);

const start = process.hrtime.bigint();
const texts = process.argv.slice(2).map((file) => fs.readFileSync(file, 'utf8'));
const tfidf = new TfIdf();
for (const text of texts) tfidf.addDocument(text);

// One sparse vector per paragraph: term -> count x idf, and its norm.
const tokenizer = new WordTokenizer();
const vectors = [];
const owner = [];  // article index of each paragraph
texts.forEach((text, a) => {
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const weights = new Map();
    for (const term of tokenizer.tokenize(line.toLowerCase())) {
      if (!stopwords.has(term)) weights.set(term, (weights.get(term) ?? 0) + 1);
    }
    let norm = 0;
    for (const [term, count] of weights) {
      const w = count * tfidf.idf(term);
      weights.set(term, w);
      norm += w * w;
    }
    vectors.push({ weights, norm: Math.sqrt(norm) });
    owner.push(a);
  }
});

function cosine(x, y) {
  if (x.norm === 0 || y.norm === 0) return 0;
  const swap = x.weights.size > y.weights.size;
  const small = swap ? y.weights : x.weights;
  const large = swap ? x.weights : y.weights;
  let dot = 0;
  for (const [term, w] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += w * other;
  }
  return dot / (x.norm * y.norm);
}

let pairs = 0;
let aligned = 0;
for (let i = 0; i < vectors.length; i++) {
  for (let j = i + 1; j < vectors.length; j++) {
    if (owner[i] === owner[j]) continue;
    pairs++;
    if (cosine(vectors[i], vectors[j]) >= 0.42) aligned++;
  }
}
process.stderr.write(`compute-ms ${Number(process.hrtime.bigint() - start) / 1e6}\n`);
fs.writeSync(1, JSON.stringify({ paragraphs: vectors.length, pairs, aligned }) + '\n');
process.exit(0);
