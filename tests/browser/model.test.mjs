// The view model and the exports without a browser (web/model.js and web/export.js are classic
// scripts that also export themselves for Node): validation of untrusted reports, marks, CSV and
// HTML escaping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, FIXTURES } from './helpers.mjs';

const require = createRequire(import.meta.url);
const ParallaxModel = require(join(REPO, 'web/model.js'));
const ParallaxExport = require(join(REPO, 'web/export.js'));
const fixture = () => JSON.parse(readFileSync(join(FIXTURES, 'divergence.json'), 'utf8'));

test('marks: shared by all, unique, contested (shown contradictions only)', () => {
  const m = ParallaxModel.build(fixture());
  const s = (a, p, i) => m.articles[a].paragraphs[p].sentences[i];
  assert.equal(s(0, 0, 0).sharedByAll, true);
  assert.equal(s(0, 1, 0).sharedByAll, false);
  assert.equal(s(0, 1, 0).support, 2);
  assert.equal(s(1, 1, 0).unique, true, 'a support-1 claim is unique');
  assert.equal(s(2, 2, 0).unique, false, 'boilerplate is never "unique"');
  assert.deepEqual(s(0, 0, 0).contested, [0]);
  assert.deepEqual(s(0, 1, 0).contested, [], 'a contradiction below the threshold marks nothing');
  assert.deepEqual(m.claims[0].contested, [0]);
  assert.equal(m.contradictions[1].shown, false);
  assert.equal(m.omissions[0].missing[0].claim, 2);
  assert.equal(m.stance[1].tone.score, -0.42);
  assert.equal(m.stance[0].targets[0].name, 'the mayor');
});

test('contradiction sides show figures normalised and people as written', () => {
  const r = fixture();
  const side = (value, text) => ({ article: 0, paragraph: 0, sentence: 0, value, text });
  r.contradictions = [
    { kind: 'speaker', confidence: 0.8, shown: true,
      a: side('person:lena hask|area commander', 'Area Commander Lena Hask'), b: side('person:tobias renn|mayor', 'Mayor Tobias Renn') },
    { kind: 'date', confidence: 0.9, shown: true, a: side('2031-08-15', '15 August'), b: side('', 'next week') },
  ];
  const m = ParallaxModel.build(r);
  assert.deepEqual(m.contradictions.map((x) => [x.a.display, x.b.display]),
    [['Area Commander Lena Hask', 'Mayor Tobias Renn'], ['2031-08-15', 'next week']]);
});

test('a Markdown heading mark is its own quiet segment; the text stays as written', () => {
  const r = fixture();
  const text = '## Summit set for Tallinn';
  r.articles[0].paragraphs[0] = { text, start: 0, end: text.length, kind: 'heading',
    sentences: [{ text, start: 0, end: text.length, claims: [] }] };
  const m = ParallaxModel.build(r);
  const segs = m.articles[0].paragraphs[0].segments;
  assert.deepEqual(segs.map((x) => [x.text, !!x.markup, !!x.sentence]),
    [['## ', true, false], ['Summit set for Tallinn', false, true]]);
  assert.equal(segs.map((x) => x.text).join(''), text, 'nothing dropped');
  // "#1" is a word, not a heading mark; body paragraphs are left alone.
  r.articles[0].paragraphs[0].text = r.articles[0].paragraphs[0].sentences[0].text = '#1 priority is safety';
  assert.equal(ParallaxModel.build(r).articles[0].paragraphs[0].segments.length, 1);
});

test('a sentence in no claim (a byline, a section heading) is not "only here"', () => {
  const r = fixture();
  const sentence = r.articles[1].paragraphs[1].sentences[0];
  const before = ParallaxModel.build(r).articles[1].paragraphs[1].sentences[0];
  assert.equal(before.unique, true, 'the fixture sentence is a support-1 claim');
  sentence.claims = [];
  const after = ParallaxModel.build(r).articles[1].paragraphs[1].sentences[0];
  assert.equal(after.unique, false);
  assert.equal(after.sharedClaims.length, 0);
});

test('untrusted divergence fields are validated, never thrown on', () => {
  const r = fixture();
  r.contradictions = [null, 7, { a: { article: 0, paragraph: 0, sentence: 0 }, b: { article: 99, paragraph: 0, sentence: 0 } },
    { a: { article: 0, paragraph: 0, sentence: 0 }, b: { article: 1, paragraph: 0, sentence: 0 }, confidence: 7, claim: 55 }];
  r.omissions = [{ article: -1 }, { article: 0, missing: [{ claim: 999 }, { claim: 1, support: 3 }] }];
  r.stance = [{ article: 0, tone: { score: 'x', sentences: [{ article: 0, paragraph: 9, sentence: 0 }] }, targets: [{ name: '' }] }];
  r.actors = 'nope';
  const m = ParallaxModel.build(r);
  assert.equal(m.contradictions.length, 1, 'only the entry with two real sentences survives');
  assert.equal(m.contradictions[0].confidence, 1, 'clamped');
  assert.equal(m.contradictions[0].claim, -1, 'an out-of-range claim becomes -1');
  assert.deepEqual(m.omissions, [{ article: 0, missing: [{ claim: 1, support: 3 }] }]);
  assert.equal(m.stance[0].tone.score, 0);
  assert.deepEqual(m.stance[0].tone.sentences, []);
  assert.deepEqual(m.stance[0].targets, []);
  assert.deepEqual(m.actors, []);
  delete r.contradictions; delete r.stance; delete r.omissions; delete r.facts;
  const absent = ParallaxModel.build(r);
  assert.deepEqual([absent.contradictions, absent.stance, absent.omissions, absent.facts], [[], [], [], []]);
  assert.throws(() => ParallaxModel.build({ schema: 'other/1' }), (e) => e.code === 'bad_report');
});

test('CSV: one row per claim, sorted by support, quoted and formula-safe', () => {
  const r = fixture();
  r.articles[0].source = 'Times, "the" paper';
  r.claims[3].label = '=HYPERLINK("http://x")';
  const csv = ParallaxExport.csv(ParallaxModel.build(r));
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'claim,label,support,independent,contested,"Times, ""the"" paper",Coast Radio,Daily Ferry');
  assert.equal(lines.length, 5);
  assert.match(lines[1], /^c0,.*,3,3,1,1,1,1$/);
  assert.ok(lines.some((l) => l.startsWith('c3,"\'=HYPERLINK(""http://x"")",1,1,0,0,1,0')), 'a formula is neutralised');
});

test('HTML report: escaped, no script, no external load', () => {
  const r = fixture();
  r.articles[0].source = '<img src=x onerror=alert(1)>';
  r.articles[0].paragraphs[1].text = 'The mayor <script>alert(2)</script> welcomed the plan.';
  r.articles[0].paragraphs[1].sentences[0].text = 'The mayor <script>alert(2)</script> welcomed the plan.';
  const html = ParallaxExport.html(ParallaxModel.build(r), r);
  assert.ok(!/<script/i.test(html));
  assert.ok(!/<img/i.test(html));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(html.includes("default-src 'none'"), 'its own CSP forbids every load');
  assert.match(html, /2031-08-15/);
});
