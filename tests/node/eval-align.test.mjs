// Arithmetic of scripts/eval-align.mjs on a tiny synthetic case (not the quality figure itself).
import test from 'node:test';
import assert from 'node:assert/strict';
import { goldLinks, spansMatch, score, predictedLinks, tfidfLinks } from '../../scripts/eval-align.mjs';

const S = (file, start, end) => ({ file, start, end });
// x.txt: sentences [0,10) [10,20) [20,30); y.txt: [0,10) [10,20); z.txt: [0,10)
const goldA = { set: 't', annotator: 'A', files: ['x.txt', 'y.txt', 'z.txt'], claims: [
  { label: 'c1', members: [S('x.txt', 0, 10), S('y.txt', 0, 10), S('z.txt', 0, 10)] },   // 3 links
  { label: 'c2', members: [S('x.txt', 10, 20)] },                                         // single source
  { label: 'c3', members: [S('x.txt', 20, 30), S('x.txt', 0, 10)] },                      // same file: no link
] };
const goldB = { set: 't', annotator: 'B', files: goldA.files, claims: [
  { label: 'd1', members: [S('x.txt', 0, 10), S('y.txt', 0, 10)] },                       // also in A
  { label: 'd2', members: [S('x.txt', 20, 30), S('y.txt', 10, 20)] },                     // only B
] };

test('gold links: cross-file pairs only, single-source sentences', () => {
  const g = goldLinks(goldA);
  assert.equal(g.links.size, 3);
  assert.equal(g.single.size, 3);                 // x10 (c2) and both members of the one-file claim c3
  assert.equal(goldLinks(goldB).links.size, 2);
});

test('span matching needs half of the shorter span', () => {
  assert.equal(spansMatch(0, 10, 5, 30), true);    // overlap 5 of 10
  assert.equal(spansMatch(0, 10, 6, 30), false);   // overlap 4 of 10
  assert.equal(spansMatch(0, 10, 10, 20), false);  // touching
  assert.equal(spansMatch(0, 100, 40, 50), true);  // contained
});

test('precision over the union, recall per annotator and union, unique kept', () => {
  const predicted = [
    [S('x.txt', 0, 9), S('y.txt', 1, 10)],    // c1/d1: right (shifted spans still match)
    [S('y.txt', 1, 10), S('x.txt', 0, 9)],    // the same pair again, reversed: counted once
    [S('x.txt', 20, 30), S('y.txt', 10, 20)], // d2: right for B only, counts as right
    [S('x.txt', 10, 20), S('z.txt', 0, 10)],  // wrong, and un-uniques x[10,20)
    [S('x.txt', 0, 10), S('x.txt', 20, 30)],  // same file: ignored
  ];
  const s = score(predicted, [goldA, goldB]);
  assert.equal(s.predicted, 3);
  assert.equal(s.correct, 2);
  assert.equal(s.precision, 2 / 3);
  assert.equal(s.goldLinks, 4);               // x0-y0, x0-z0, y0-z0, x20-y10
  assert.deepEqual(s.recallPer, [1 / 3, 2 / 2]);
  assert.equal(s.recall, 2 / 4);
  assert.equal(s.uniqueGold, 1);              // x10: x0 and x20 are in cross-file claims too
  assert.equal(s.uniqueKept, 0);
});

test('predicted links from a parallax/1 analysis; TF-IDF baseline', () => {
  const art = (name, texts) => ({ name, paragraphs: [{ kind: 'paragraph', sentences: texts.map((text, i) => ({ text, start: i * 100, end: i * 100 + text.length })) }] });
  const analysis = {
    articles: [art('a', ['Bridge closes on Thursday.', 'Ferry runs hourly.']), art('b', ['The bridge closes Thursday.']), art('c', ['Bridge closes on Thursday!'])],
    claims: [{ members: [{ article: 0, paragraph: 0, sentence: 0 }, { article: 1, paragraph: 0, sentence: 0 }, { article: 2, paragraph: 0, sentence: 0 }] }],
  };
  assert.equal(predictedLinks(analysis).length, 3);
  const base = tfidfLinks(analysis);
  assert.equal(base.length, 3);
  assert.ok(base.every(([x, y]) => x.start === 0 && y.start === 0));
});
