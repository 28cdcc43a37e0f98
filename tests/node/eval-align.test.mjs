// Arithmetic of scripts/eval-align.mjs on a tiny synthetic case (not the quality figure itself).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { goldLinks, spansMatch, score, predictedLinks, tfidfLinks, tfidfPairs, cosine, tfidfSentences, claimCosines }
  from '../../scripts/eval-align.mjs';
import { root, cli, runCli } from './helpers.mjs';

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

test('three annotators: precision over the union of all, recall per annotator', () => {
  // C links x[10,20) with z[0,10): a link A and B never make
  const goldC = { set: 't', annotator: 'C', files: goldA.files, claims: [
    { label: 'e1', members: [S('x.txt', 10, 20), S('z.txt', 0, 10)] },
  ] };
  const predicted = [[S('x.txt', 10, 20), S('z.txt', 0, 10)], [S('x.txt', 0, 10), S('y.txt', 0, 10)]];
  const two = score(predicted, [goldA, goldB]);
  const three = score(predicted, [goldA, goldB, goldC]);
  assert.equal(two.correct, 1);
  assert.equal(three.correct, 2);                 // right when any of A, B, C makes it
  assert.equal(three.goldLinks, 5);               // 4 of A∪B + C's one
  assert.deepEqual(three.recallPer, [1 / 3, 1 / 2, 1]);
  assert.equal(three.recall, 2 / 5);
  assert.equal(three.uniqueGold, 0);              // x10 is single-source for A, cross-article for C
});

const art = (name, texts) => ({ name, paragraphs: [{ kind: 'paragraph', sentences: texts.map((text, i) => ({ text, start: i * 100, end: i * 100 + text.length })) }] });

test('TF-IDF pairs: cross-article only, cosines in (0, 1], boilerplate skipped', () => {
  const analysis = { articles: [
    art('a', ['Bridge closes on Thursday.', 'Ferry runs hourly.']),
    art('b', ['The bridge closes Thursday.', 'Buses replace trams.']),
    { name: 'c', paragraphs: [{ kind: 'boilerplate', sentences: [{ text: 'Bridge closes Thursday', start: 0, end: 22 }] }] },
  ] };
  const sents = tfidfSentences(analysis);
  assert.equal(sents.length, 4);
  assert.ok(Math.abs(cosine(sents[0], sents[2]) - 1) < 1e-12);  // same terms after stopwords and plural folding
  assert.equal(cosine(sents[0], sents[1]), 0);
  const pairs = tfidfPairs(analysis);
  assert.equal(pairs.length, 1);                                  // only the bridge pair shares a term
  assert.equal(pairs[0][0].start, 0);
  assert.equal(pairs[0][1].file, 'b');
  assert.equal(tfidfLinks(analysis, 0.99).length, 1);
  assert.equal(tfidfLinks(analysis, 1.01).length, 0);
});

test('claim cosines: links per gold claim, scored by TF-IDF, most links first', () => {
  const analysis = { articles: [
    art('x.txt', ['Bridge closes on Thursday.', 'Ferry runs hourly.']),
    art('y.txt', ['The bridge closes Thursday.', 'Trams stop at noon.']),
  ] };
  const gold = { set: 't', annotator: 'T', files: ['x.txt', 'y.txt'], claims: [
    { label: 'unrelated words', members: [S('x.txt', 100, 118), S('y.txt', 100, 119)] },
    { label: 'same words', members: [S('x.txt', 0, 26), S('y.txt', 0, 27), S('x.txt', 100, 118)] },
    { label: 'one file', members: [S('x.txt', 0, 26)] },
  ] };
  const rows = claimCosines(analysis, gold, [0.5]);
  assert.deepEqual(rows.map((r) => r.label), ['same words', 'unrelated words']);  // one-file claim left out
  assert.equal(rows[0].links, 2);
  assert.ok(Math.abs(rows[0].max - 1) < 1e-12);
  assert.equal(rows[0].median, rows[0].max);     // upper median of [0, 1]
  assert.deepEqual(rows[0].atLeast, [1]);
  assert.equal(rows[1].max, 0);
});

test('the command line prints a threshold sweep and per-claim cosines', { skip: !existsSync(cli) && 'native CLI not built' }, () => {
  const r = spawnSync(process.execPath, [`${root}/scripts/eval-align.mjs`, '--set', 'samples', '--sweep', '--claims', '2'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  for (const t of ['0.2', '0.3', '0.4', '0.5', '0.6']) assert.match(r.stdout, new RegExp(`tfidf>=${t} \\(js\\)`));
  assert.match(r.stdout, /R\(A\)\s+R\(B\)\s+R\(union\)/);
  assert.equal((r.stdout.match(/claims holding most links/g) ?? []).length, 2);  // one block per annotator
});

// ---------------------------------------------------------------------------------------------
// Gold files that carry `text` (our own sets: samples, warehouse) must not rot: the listed files
// exist, every member's span is a sentence-sized slice of the article's DECODED text and equals its
// `text` byte for byte, and the annotators of a set list the same files. (goldset, issue 3)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setNames } from '../../scripts/eval-align.mjs';

const goldDir = join(root, 'tests', 'gold');
const setDir = { samples: join(root, 'samples'), warehouse: join(root, 'tests', 'corpus', 'warehouse'),
  harbour: join(root, 'tests', 'corpus', 'harbour'),  // goldset2
  waterworks: join(root, 'tests', 'corpus', 'waterworks') };  // goldset3
const goldsOf = (set) => readdirSync(goldDir).filter((f) => f.startsWith(`${set}.`) && f.endsWith('.json')).sort()
  .map((f) => ({ name: f, gold: JSON.parse(readFileSync(join(goldDir, f), 'utf8')) }));

/** Decoded text of each article as parallax compare --json reports it: name -> (start,end) -> bytes. */
function decodedSlicer(set, files) {
  const r = runCli(['compare', '--json', ...files.map((f) => join(setDir[set], f))]);
  assert.equal(r.status, 0, r.stderr);
  const arts = new Map(JSON.parse(r.stdout).articles.map((a) => [a.name, a]));
  return (file, start, end) => {
    const p = arts.get(file)?.paragraphs.find((q) => q.start <= start && end <= q.end);
    return p ? Buffer.from(p.text, 'utf8').subarray(start - p.start, end - p.start).toString('utf8') : null;
  };
}

test('eval-align knows the warehouse set and --set all includes it', () => {
  assert.ok(setNames.includes('warehouse'));
  assert.ok(setNames.includes('samples') && setNames.includes('seeds'));
});

for (const set of ['samples', 'warehouse', 'harbour', 'waterworks']) {
  test(`${set} gold: well formed, files exist, A and B list the same files`, () => {
    const golds = goldsOf(set);
    assert.ok(golds.length >= 2, `${set}: expected A and B`);
    assert.deepEqual(golds.map((g) => g.gold.annotator).slice(0, 2), ['A', 'B']);
    for (const { name, gold } of golds) {
      assert.equal(gold.set, set, name);
      assert.deepEqual(gold.files, golds[0].gold.files, `${name}: files differ from ${golds[0].name}`);
      for (const f of gold.files) assert.ok(existsSync(join(setDir[set], f)), `${name}: ${f} missing`);
      assert.ok(gold.claims.length > 0, name);
      for (const c of gold.claims) {
        assert.ok(typeof c.label === 'string' && c.label.length > 0 && c.label.split(/\s+/).length <= 8, `${name}: label "${c.label}"`);
        assert.ok(c.members.length > 0, `${name}: "${c.label}" has no members`);
        for (const m of c.members) {
          assert.ok(gold.files.includes(m.file), `${name}: "${c.label}": unlisted file ${m.file}`);
          assert.ok(Number.isInteger(m.start) && Number.isInteger(m.end) && 0 <= m.start && m.start < m.end, `${name}: "${c.label}": span ${m.start}-${m.end}`);
          assert.equal(typeof m.text, 'string', `${name}: "${c.label}": member without text`);
          assert.equal(Buffer.byteLength(m.text, 'utf8'), m.end - m.start, `${name}: "${c.label}": text length is not its span`);
        }
      }
    }
    // plain-text articles: the decoded text is the file itself (UTF-8, no BOM), checked without the CLI
    for (const { name, gold } of golds) for (const c of gold.claims) for (const m of c.members) {
      if (!/\.(txt|md)$/.test(m.file)) continue;
      const bytes = readFileSync(join(setDir[set], m.file));
      assert.equal(bytes.subarray(m.start, m.end).toString('utf8'), m.text, `${name}: "${c.label}": ${m.file}@${m.start}`);
    }
  });

  test(`${set} gold: every member's text is the decoded article text at its span`, { skip: !existsSync(cli) && 'native CLI not built' }, () => {
    const golds = goldsOf(set);
    const slice = decodedSlicer(set, golds[0].gold.files);
    for (const { name, gold } of golds) for (const c of gold.claims) for (const m of c.members)
      assert.equal(slice(m.file, m.start, m.end), m.text, `${name}: "${c.label}": ${m.file}@${m.start}-${m.end}`);
  });
}

test('warehouse gold: cross-article claims and single-source claims, look-alikes left unlinked', () => {
  const [{ gold: A }, { gold: B }] = goldsOf('warehouse');
  for (const g of [A, B]) {
    const cross = g.claims.filter((c) => new Set(c.members.map((m) => m.file)).size > 1);
    assert.ok(cross.length >= 15 && g.claims.length - cross.length >= 20, `${g.annotator}: ${cross.length} cross, ${g.claims.length - cross.length} single`);
    // traps written into the set: these sentences must stay single-source in both passes
    for (const trap of ['Korvel denied that any calcium hypochlorite', 'Forecasters expect the wind to swing', 'third serious fire at a chemical store']) {
      const holding = g.claims.filter((c) => c.members.some((m) => m.text.includes(trap)));
      assert.ok(holding.length > 0, `${g.annotator}: trap "${trap}" not annotated`);
      for (const c of holding) assert.equal(new Set(c.members.map((m) => m.file)).size, 1, `${g.annotator}: trap "${trap}" linked in "${c.label}"`);
    }
  }
  // guideline 4: A keeps the disputed count (three hundred) out of shared claims, B merges it
  const inCross = (g, t) => g.claims.some((c) => new Set(c.members.map((m) => m.file)).size > 1 && c.members.some((m) => m.text.includes(t)));
  assert.equal(inCross(A, 'Three hundred people'), false);
  assert.equal(inCross(B, 'Three hundred people'), true);
});

test('the command line scores the warehouse set', { skip: !existsSync(cli) && 'native CLI not built' }, () => {
  const r = spawnSync(process.execPath, [`${root}/scripts/eval-align.mjs`, '--set', 'warehouse'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /warehouse: 5 articles; gold A \d+ claims\/\d+ links, B \d+ claims\/\d+ links/);
});

// ---------------------------------------------------------------------------------------------
// Set harbour (goldset2, issue 3): a fourth set written independently of warehouse.

test('eval-align knows the harbour set (in --set all too)', () => {
  assert.ok(setNames.includes('harbour'));
  const r = spawnSync(process.execPath, [`${root}/scripts/eval-align.mjs`, '--set', 'nosuchset'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /harbour/);
});

test('harbour gold: the five articles, cross-article and single-source claims, traps left unlinked', () => {
  const golds = goldsOf('harbour');
  assert.deepEqual(golds.map((g) => g.gold.annotator), ['A', 'B']);
  const [{ gold: A }, { gold: B }] = golds;
  assert.deepEqual(A.files, readdirSync(setDir.harbour).sort(), 'gold lists every article of the folder');
  assert.deepEqual(A.files.map((f) => f.split('.').pop()).sort(), ['html', 'json', 'md', 'txt', 'txt']);
  const crossOf = (g) => g.claims.filter((c) => new Set(c.members.map((m) => m.file)).size > 1);
  for (const g of [A, B]) {
    const cross = crossOf(g);
    assert.ok(cross.length >= 15 && g.claims.length - cross.length >= 10, `${g.annotator}: ${cross.length} cross, ${g.claims.length - cross.length} single`);
    // look-alikes written into the set: a denial, two forecasts, a negation, an unrelated closure
    for (const trap of ['denied that dredging had already started', 'Ecologists expect even more wading birds',
      'push the cost of the scheme above 1.5 billion', 'The court did not decide whether', 'coast road at Saltmere Point is closed']) {
      const holding = g.claims.filter((c) => c.members.some((m) => m.text.includes(trap)));
      assert.ok(holding.length > 0, `${g.annotator}: trap "${trap}" not annotated`);
      for (const c of holding) assert.equal(new Set(c.members.map((m) => m.file)).size, 1, `${g.annotator}: trap "${trap}" linked in "${c.label}"`);
    }
    // the earlier (2024) case is linked only to the other 2024 sentence, never to the ruling
    const earlier = g.claims.filter((c) => c.members.some((m) => m.text.includes('In 2024 the same court')));
    assert.equal(earlier.length, 1, g.annotator);
    assert.deepEqual(earlier[0].members.map((m) => m.file).sort(), ['nordline-wire.txt', 'saltmere-bulletin.md']);
  }
  // guideline 4: A keeps each conflicting sentence out of the claim it contradicts (single-source,
  // labelled "disputed"; the ledger's cost-and-1,100-jobs sentence still shares the cost claim, as A
  // splits compound sentences); B merges it into that claim
  const together = (g, t, u) => crossOf(g).some((c) => c.members.some((m) => m.text.includes(t)) && c.members.some((m) => m.text.includes(u)));
  for (const [t, u] of [['create 1,100 jobs', 'Jobs promised'], ['21 days to appeal', '28 days to lodge an appeal'],
    ['at a meeting on Friday', 'meet on Thursday'], ['Lotta Fenn', 'Oskar Brenning called']]) {
    assert.equal(together(A, t, u), false, `A: "${t}" joined with "${u}"`);
    assert.ok(A.claims.some((c) => /disputed/.test(c.label) && c.members.every((m) => m.text.includes(t))), `A: no disputed claim for "${t}"`);
    assert.equal(together(B, t, u), true, `B: "${t}" not merged with "${u}"`);
  }
  // every link of the fine pass is also a link of the coarse pass (B merges, never drops)
  const a = goldLinks(A), b = goldLinks(B);
  assert.deepEqual([...a.links].filter((l) => !b.links.has(l)), []);
});

test('the command line scores the harbour set', { skip: !existsSync(cli) && 'native CLI not built' }, () => {
  const r = spawnSync(process.execPath, [`${root}/scripts/eval-align.mjs`, '--set', 'harbour'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /harbour: 5 articles; gold A \d+ claims\/\d+ links, B \d+ claims\/\d+ links/);
});

// ---------------------------------------------------------------------------------------------
// Set waterworks (goldset3, issue 3): a fifth set written independently of warehouse and harbour.

test('eval-align knows the waterworks set (in --set all too)', () => {
  assert.ok(setNames.includes('waterworks'));
  const r = spawnSync(process.execPath, [`${root}/scripts/eval-align.mjs`, '--set', 'nosuchset'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /waterworks/);
});

test('waterworks gold: the five articles, cross-article and single-source claims, traps left unlinked', () => {
  const golds = goldsOf('waterworks');
  assert.deepEqual(golds.map((g) => g.gold.annotator), ['A', 'B']);
  const [{ gold: A }, { gold: B }] = golds;
  assert.deepEqual(A.files, readdirSync(setDir.waterworks).sort(), 'gold lists every article of the folder');
  assert.deepEqual(A.files.map((f) => f.split('.').pop()).sort(), ['html', 'json', 'md', 'txt', 'txt']);
  const filesOf = (c) => new Set(c.members.map((m) => m.file));
  const crossOf = (g) => g.claims.filter((c) => filesOf(c).size > 1);
  const has = (c, t) => c.members.some((m) => m.text.includes(t));
  for (const g of [A, B]) {
    const cross = crossOf(g);
    assert.ok(cross.length >= 15 && g.claims.length - cross.length >= 10, `${g.annotator}: ${cross.length} cross, ${g.claims.length - cross.length} single`);
    // look-alikes written into the set: a denial about another town, a negation, a forecast
    for (const trap of ['denied that the problem had spread', 'Schools in Corby Ashe are not affected', 'Forecasters expect more heavy rain']) {
      const holding = g.claims.filter((c) => has(c, trap));
      assert.ok(holding.length > 0, `${g.annotator}: trap "${trap}" not annotated`);
      for (const c of holding) assert.equal(filesOf(c).size, 1, `${g.annotator}: trap "${trap}" linked in "${c.label}"`);
    }
    // the earlier (2027) notice is linked only to the other 2027 sentences, never to this week's
    const earlier = g.claims.filter((c) => has(c, 'In 2027'));
    assert.equal(earlier.length, 1, g.annotator);
    assert.deepEqual([...filesOf(earlier[0])].sort(), ['lantern-wire.txt', 'valley-notes.md']);
    assert.equal(has(earlier[0], 'Vessant issued the boil-water notice'), false);
    // the real denial (no rain in the reservoir) is a shared claim: a denial is not always a trap
    assert.ok(cross.some((c) => has(c, 'Vessant denied that rainwater') && has(c, 'The company insists that no rain')), g.annotator);
  }
  // guideline 4: A keeps each conflicting sentence out of the claim it contradicts (single-source,
  // labelled "disputed"), B merges it into that claim
  const together = (g, t, u) => crossOf(g).some((c) => has(c, t) && has(c, u));
  for (const [t, u] of [['Nine thousand two hundred', 'Around 8,400 households'], ['said Graham Pruitt', 'said Dr Imogen Sayer'],
    ['deputy director of public health', 'urged people not to cut corners']]) {
    assert.equal(together(A, t, u), false, `A: "${t}" joined with "${u}"`);
    assert.ok(A.claims.some((c) => /disputed/.test(c.label) && c.members.every((m) => m.text.includes(t))), `A: no disputed claim for "${t}"`);
    assert.equal(together(B, t, u), true, `B: "${t}" not merged with "${u}"`);
  }
  // the disputed time: A's 9.30 pm claim leaves the Echo's "shortly before midnight" out (it shares
  // only "a notice was issued"); B's notice claim holds both
  const nineThirty = crossOf(A).filter((c) => /9\.30/.test(c.label));
  assert.equal(nineThirty.length, 1);
  assert.ok(has(nineThirty[0], '| Thursday, 9.30pm |') && !has(nineThirty[0], 'shortly before midnight'));
  assert.ok(A.claims.some((c) => /disputed/.test(c.label) && filesOf(c).size === 1 && has(c, 'shortly before midnight')));
  assert.equal(together(B, 'at 9.30 p.m. on Thursday', 'shortly before midnight'), true);
  // every link of the fine pass is also a link of the coarse pass (B merges, never drops)
  const a = goldLinks(A), b = goldLinks(B);
  assert.deepEqual([...a.links].filter((l) => !b.links.has(l)), []);
});

test('the command line scores the waterworks set', { skip: !existsSync(cli) && 'native CLI not built' }, () => {
  const r = spawnSync(process.execPath, [`${root}/scripts/eval-align.mjs`, '--set', 'waterworks'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /waterworks: 5 articles; gold A \d+ claims\/\d+ links, B \d+ claims\/\d+ links/);
});
