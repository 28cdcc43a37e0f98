// The divergence panels (contradictions, omissions, stance) against a hand-made parallax/1 fixture
// (tests/browser/fixtures/divergence.json), opened as a saved analysis; and the same panels when
// the fields are empty (the engine's output today) or absent (older documents).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  useBrowser, openPage, INDEX_URL, waitForColumns, screenshot, dropFiles, foreignRequests, FIXTURES, REPO,
} from './helpers.mjs';

const browser = useBrowser();

const fixture = () => JSON.parse(readFileSync(join(FIXTURES, 'divergence.json'), 'utf8'));

async function openReport(report, name = 'saved.json') {
  const { page, log } = await openPage(browser.context, INDEX_URL + '?empty');
  await page.waitForFunction(() => window.ParallaxApp && document.body.dataset.state === 'empty');
  await dropFiles(page, '#px-drop', [{ name, bytes: Buffer.from(JSON.stringify(report, null, 2)), type: 'application/json' }]);
  await waitForColumns(page, report.articles.length);
  return { page, log };
}

function assertClean(log) {
  assert.deepEqual(log.pageErrors, [], 'no uncaught page errors');
  assert.deepEqual(log.consoleErrors, [], 'no console errors');
  assert.deepEqual(foreignRequests(log.requests), [], 'only file:// requests');
}

test('contradictions: both values side by side, confident ones first, click to jump', async () => {
  const { page, log } = await openReport(fixture());
  assert.match(await page.locator('.px-notice').first().textContent(), /saved/i, 'says it is a saved analysis');
  assert.equal(await page.locator('.px-side-tab[data-panel="contradictions"]').textContent(), 'Contradictions (1)');
  // The contested sentences carry a text mark, not only colour.
  const contested = await page.locator('.px-grid .px-contested').evaluateAll((n) => n.map((s) => s.dataset.ref));
  assert.deepEqual(contested.sort(), ['0:0:0', '1:0:0'], 'only the confident contradiction marks sentences');
  assert.ok((await page.locator('.px-grid .px-mark--contested').first().textContent()).includes('contested'));
  await page.click('.px-side-tab[data-panel="contradictions"]');
  const entries = await page.locator('.px-contra').evaluateAll((n) => n.map((li) => ({
    kind: li.querySelector('.px-contra-kind').textContent, subject: li.querySelector('.px-contra-subject')?.textContent,
    values: [...li.querySelectorAll('.px-contra-value')].map((v) => v.textContent),
    sources: [...li.querySelectorAll('.px-contra-source')].map((v) => v.textContent),
    note: li.querySelector('.px-contra-note')?.textContent })));
  assert.equal(entries.length, 1, 'only the confident one by default');
  assert.deepEqual(entries[0].values, ['2031-08-15', '2031-08-18']);
  assert.deepEqual(entries[0].sources, ['Harbour Times', 'Coast Radio']);
  assert.equal(entries[0].subject, 'summit date');
  assert.match(entries[0].note, /15 August/);
  await screenshot(page, 'panel-contradictions');
  await page.click('.px-contra-all');
  assert.equal(await page.locator('.px-contra').count(), 2, 'the less confident one on request');
  await page.locator('.px-contra-side').nth(1).click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.ref), '1:0:0', 'clicking a side focuses its sentence');
  assert.ok(await page.locator('.px-s[data-ref="1:0:0"].px-flash').count());

  // The contested filter and the matrix mark.
  await page.selectOption('.px-filter', 'contested');
  assert.equal(await page.locator('.px-s.px-hit').count(), 2);
  await page.click('.px-side-tab[data-panel="matrix"]');
  assert.ok(await page.locator('.px-matrix-contested').count() >= 2, 'the matrix marks the contested claim');
  assert.ok(await page.locator('.px-matrix-omitted').count() >= 0);
  assertClean(log);
  await page.close();
});

test('a quotation given to two speakers, found by the engine, names both as written', async () => {
  // tests/corpus/warehouse (our own articles): one outlet gives the fire chief's quotation to
  // another officer. Dropped as files, so the WASM engine finds it, not a fixture.
  const dir = join(REPO, 'tests/corpus/warehouse');
  const files = readdirSync(dir).sort().map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  const { page, log } = await openPage(browser.context, INDEX_URL + '?empty');
  await page.waitForFunction(() => window.ParallaxApp && document.body.dataset.state === 'empty');
  await dropFiles(page, '#px-drop', files);
  await waitForColumns(page, files.length);
  await page.click('.px-side-tab[data-panel="contradictions"]');
  const speakers = await page.locator('.px-contra').evaluateAll((n) => n
    .filter((li) => /speaker/i.test(li.querySelector('.px-contra-kind').textContent))
    .map((li) => [...li.querySelectorAll('.px-contra-value')].map((v) => v.textContent)));
  assert.ok(speakers.length >= 1, 'at least one speaker contradiction');
  for (const values of speakers) {
    assert.ok(values.some((v) => v.includes('Lena Hask')), values.join(' / '));
    assert.ok(values.every((v) => !v.startsWith('person:')), 'people are shown as written, not as keys');
  }
  await screenshot(page, 'panel-speaker');
  assertClean(log);
  await page.close();
});

test('omissions and stance panels; every figure lists its sentences', async () => {
  const { page, log } = await openReport(fixture());
  await page.click('.px-side-tab[data-panel="omissions"]');
  const omission = await page.locator('.px-omission').evaluateAll((n) => n.map((s) => ({
    title: s.querySelector('h3').textContent, claims: [...s.querySelectorAll('.px-matrix-jump')].map((b) => b.textContent) })));
  assert.deepEqual(omission, [{ title: 'Coast Radio leaves out', claims: ['The mayor welcomed the plan.'] }]);
  await page.locator('.px-omission .px-matrix-jump').click();
  assert.equal(await page.locator('.px-s.px-flash').count(), 2, 'jumping to the omitted claim flashes its two sentences');
  await screenshot(page, 'panel-omissions');

  await page.click('.px-side-tab[data-panel="stance"]');
  const boxes = await page.locator('.px-stance').evaluateAll((n) => n.map((b) => ({
    source: b.querySelector('h3').textContent,
    figures: [...b.querySelectorAll('.px-figure')].map((f) => f.querySelector('.px-figure-label').textContent + '=' + f.querySelector('.px-figure-value').textContent) })));
  assert.equal(boxes.length, 3);
  assert.equal(boxes[1].source, 'Coast Radio');
  assert.ok(boxes[1].figures.includes('Tone=−0.42'), boxes[1].figures.join(' '));
  assert.ok(boxes[1].figures.includes('critics=×1'), 'attribution counts');
  assert.ok(boxes[0].figures.some((f) => f.startsWith('the mayor=+0.50')), 'sentiment towards an actor');
  // Bars are sized from JS (no style attributes in markup strings).
  const width = await page.locator('.px-stance').nth(1).locator('.px-bar-fill').first().evaluate((e) => e.style.width);
  assert.equal(width, '21%', 'tone −0.42 fills 21% of the −1..1 bar');
  await page.locator('.px-stance').nth(1).locator('.px-figure', { hasText: 'Tone' }).click();
  const listed = await page.locator('.px-evidence .px-evidence-link').allTextContents();
  assert.deepEqual(listed, ['Critics called the plan reckless.']);
  await page.locator('.px-evidence .px-evidence-link').click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.ref), '1:1:0');
  await screenshot(page, 'panel-stance');
  assertClean(log);
  await page.close();
});

test('empty and absent divergence fields render calm empty panels', async () => {
  for (const variant of ['empty', 'absent']) {
    const report = fixture();
    for (const key of ['contradictions', 'omissions', 'actors', 'stance', 'facts']) {
      if (variant === 'empty') report[key] = [];
      else delete report[key];
    }
    // Broken entries must be dropped, never crash the view.
    if (variant === 'empty') report.contradictions = [{ a: { article: 9, paragraph: 0, sentence: 0 } }, null, 'x'];
    const { page, log } = await openReport(report);
    assert.equal(await page.locator('.px-grid .px-contested').count(), 0, `${variant}: nothing contested`);
    assert.equal(await page.locator('.px-side-tab[data-panel="contradictions"]').textContent(), 'Contradictions');
    for (const panel of ['contradictions', 'omissions', 'stance']) {
      await page.click(`.px-side-tab[data-panel="${panel}"]`);
      const text = await page.locator(`.px-panel--${panel}`).textContent();
      assert.ok(text.length > 10, `${variant}/${panel}: says something`);
      assert.ok(!/undefined|NaN|null/.test(text), `${variant}/${panel}: nothing broken (${text})`);
    }
    await page.click('.px-side-tab[data-panel="stance"]');
    if (variant === 'absent') await screenshot(page, 'panels-absent');
    assertClean(log);
    await page.close();
  }
});
