// Putting articles in and arranging them: rename a source, reorder and remove articles, add more
// later without losing the view (filter, panel), cancel a long comparison; narrow screens (columns
// become tabs), 200% zoom, and AA contrast of the text colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  useBrowser, openPage, INDEX_URL, waitForColumns, screenshot, dropFiles, sampleFiles, foreignRequests, tempDir,
} from './helpers.mjs';

const browser = useBrowser();

function assertClean(log) {
  assert.deepEqual(log.pageErrors, [], 'no uncaught page errors');
  assert.deepEqual(log.browserErrors, [], 'no browser log errors');
  assert.deepEqual(foreignRequests(log.requests), [], 'only file:// requests');
}

const sources = (page) => page.locator('.px-col-head .px-col-source').allTextContents();

test('rename, reorder, remove, and add more later without losing the view', async () => {
  const { page, log } = await openPage(browser.context, INDEX_URL + '?empty');
  await page.waitForFunction(() => window.ParallaxApp && document.body.dataset.state === 'empty');
  const files = sampleFiles();
  await dropFiles(page, '#px-drop', files.slice(0, 3));
  await waitForColumns(page, 3);
  const first = await sources(page);

  // The view's state survives a new run: filter and panel stay.
  await page.selectOption('.px-filter', 'unique');
  await page.click('.px-side-tab[data-panel="omissions"]');
  await dropFiles(page, '#px-drop', files.slice(3));
  await waitForColumns(page, files.length);
  assert.equal(await page.locator('.px-filter').inputValue(), 'unique', 'the filter is kept');
  assert.equal(await page.locator('.px-side-tab[aria-selected="true"]').getAttribute('data-panel'), 'omissions', 'the panel is kept');
  assert.ok(await page.locator('.px-s.px-hit').count() > 0, 'and applied to the new analysis');
  assert.deepEqual((await sources(page)).slice(0, 3), first, 'earlier articles keep their columns');
  await page.selectOption('.px-filter', 'all');

  // Rename: the column header, the matrix and the exported JSON use the new name.
  const field = page.locator('.px-rename').first();
  await field.fill('The Renamed Ledger');
  await field.press('Enter');
  await page.waitForFunction(() => document.querySelector('.px-col-source').textContent === 'The Renamed Ledger');
  const exported = JSON.parse(await page.evaluate(() => window.ParallaxApp.exportText('json')));
  assert.equal(exported.articles[0].source, 'The Renamed Ledger');
  assert.equal(await page.locator('.px-matrix thead th.px-matrix-src').first().getAttribute('title'), 'The Renamed Ledger');

  // Reorder: moving the first article right swaps the first two columns.
  const beforeMove = await sources(page);
  await page.locator('.px-input').first().locator('.px-move[data-delta="1"]').click();
  await page.waitForFunction((name) => document.querySelectorAll('.px-col-source')[1]?.textContent === name, beforeMove[0]);
  const afterMove = await sources(page);
  assert.deepEqual(afterMove.slice(0, 2), [beforeMove[1], beforeMove[0]]);
  assert.equal(await page.locator('.px-input').first().locator('.px-move[data-delta="-1"]').isDisabled(), true, 'the first cannot move left');
  await screenshot(page, 'inputs-arranged');

  // Remove one.
  await page.locator('.px-remove').last().click();
  await waitForColumns(page, files.length - 1);
  assertClean(log);
  await page.close();
});

test('a large set shows a progress bar and can be cancelled', async () => {
  const { page, log } = await openPage(browser.context, INDEX_URL + '?empty');
  await page.waitForFunction(() => window.ParallaxApp && window.ParallaxApp.engineMode);
  // 60 generated articles of ~40 KB each: long enough to cancel.
  const files = [];
  for (let i = 0; i < 60; i++) {
    const paragraphs = [];
    for (let p = 0; p < 80; p++) {
      paragraphs.push(`Report ${i} paragraph ${p}: the council discussed item ${(i * 7 + p) % 53} of the harbour plan with ${p % 9} residents present. ` +
        `Officials said the ferry budget for district ${(p * 3 + i) % 17} would be reviewed before the vote on day ${p % 28}.`);
    }
    files.push({ name: `report-${i}.txt`, bytes: Buffer.from(paragraphs.join('\n\n')) });
  }
  await dropFiles(page, '#px-drop', files);
  await page.locator('#px-progress').waitFor({ state: 'visible' });
  assert.match(await page.locator('#px-progress-text').textContent(), /Reading|Comparing|Aligning|Finding|Drawing/);
  // Comparing, or already a later stage of the streamed run (Aligning…, Finding contradictions…):
  // the stage text can change between two polls, so wait for any of them.
  await page.waitForFunction(() => /Comparing|Aligning|Finding|Drawing/.test(
    document.querySelector('#px-progress-text')?.textContent || ''));
  await screenshot(page, 'progress');
  await page.click('#px-cancel');
  await page.locator('#px-progress').waitFor({ state: 'hidden' });
  assert.match(await page.locator('.px-notices').textContent(), /Cancelled/);
  assert.equal(await page.locator('.px-input').count(), 60, 'the articles stay listed');
  // The engine starts again for the next comparison.
  await page.click('#px-clear');
  await dropFiles(page, '#px-drop', sampleFiles());
  await waitForColumns(page, sampleFiles().length, 60000);
  assertClean(log);
  await page.close();
});

test('narrow screens: columns become tabs; 200% zoom keeps everything usable', async () => {
  const context = browser.context;
  const { page, log } = await openPage(context);
  await page.setViewportSize({ width: 420, height: 800 });
  await page.goto(INDEX_URL);
  await waitForColumns(page, sampleFiles().length);
  const tabs = page.locator('.px-coltab');
  assert.equal(await tabs.count(), sampleFiles().length, 'one tab per article');
  const visibleColumns = async () => page.evaluate(() => new Set([...document.querySelectorAll('.px-grid > .px-cell, .px-grid > .px-stack')]
    .filter((c) => c.getClientRects().length).map((c) => c.dataset.article)).size);
  assert.equal(await visibleColumns(), 1, 'one column at a time');
  const noOverflow = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  assert.ok(noOverflow, 'no horizontal page scroll');
  await screenshot(page, 'narrow');
  await tabs.nth(2).click();
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('.px-grid > .px-cell')].find((c) => c.getClientRects().length).dataset.article), '2');
  await tabs.nth(2).press('ArrowRight');
  assert.equal(await tabs.nth(3).getAttribute('aria-selected'), 'true', 'arrow keys switch tabs');
  // ArrowRight on a sentence switches to the column of its match.
  const s = page.locator('.px-grid .px-shared:visible').first();
  await s.focus();
  await page.keyboard.press('ArrowLeft');
  const now = await page.evaluate(() => document.activeElement.dataset.ref);
  assert.ok(now && now.split(':')[0] !== '3', 'the focus moved to another column tab');
  await screenshot(page, 'narrow-tab');

  // 200% zoom on a laptop screen = a 700 CSS px wide viewport at device scale 2.
  await page.setViewportSize({ width: 700, height: 450 });
  await page.waitForTimeout(100);
  const zoom = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    filter: !!document.querySelector('.px-filter').getClientRects().length,
    exports: !!document.querySelector('#px-export-json').getClientRects().length,
  }));
  assert.ok(zoom.overflow <= 1, `no horizontal page scroll at 200% (${zoom.overflow})`);
  assert.ok(zoom.filter && zoom.exports, 'the controls are still there');
  await screenshot(page, 'zoom-200');
  assertClean(log);
  await page.close();
});

test('text colours meet WCAG AA contrast', async () => {
  const { page, log } = await openPage(browser.context, INDEX_URL);
  await waitForColumns(page, sampleFiles().length);
  const failures = await page.evaluate(() => {
    function rgb(c) { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m[3] === undefined ? 1 : m[3] }; }
    function lum({ r, g, b }) {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    }
    function background(el) {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.a > 0.5) return c;
      }
      return { r: 255, g: 255, b: 255 };
    }
    const selectors = ['.px-col-source', '.px-col-meta', '.px-cell-label', '.px-mark', '.px-flag', '.px-legend-item', '.px-panel-meta',
      '.px-matrix-jump', '.px-matrix-num', '.px-side-tab', '.px-button--quiet', '.px-input-file', '.px-stat', '.px-body', '.px-bp-toggle'];
    const out = [];
    for (const sel of selectors) {
      for (const el of [...document.querySelectorAll(sel)].slice(0, 20)) {
        if (!el.getClientRects().length) continue;
        const fg = rgb(getComputedStyle(el).color);
        const l1 = lum(fg);
        const l2 = lum(background(el));
        const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
        if (ratio < 4.5) out.push(`${sel} ${ratio.toFixed(2)} "${el.textContent.slice(0, 30)}"`);
      }
    }
    return out;
  });
  assert.deepEqual(failures, [], 'every checked text has a contrast ratio of at least 4.5:1');
  assertClean(log);
  await page.close();
});

test('picking a folder adds the articles in it (and skips other files)', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const folder = join(dir, 'story');
    mkdirSync(join(folder, 'more'), { recursive: true });
    const files = sampleFiles();
    files.slice(0, 3).forEach((f) => writeFileSync(join(folder, f.name), f.bytes));
    files.slice(3).forEach((f) => writeFileSync(join(folder, 'more', f.name), f.bytes));
    writeFileSync(join(folder, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const { page, log } = await openPage(browser.context, INDEX_URL + '?empty');
    await page.waitForFunction(() => window.ParallaxApp && document.body.dataset.state === 'empty');
    await page.setInputFiles('#px-folder', folder);
    await waitForColumns(page, files.length);
    const names = await page.evaluate(() => window.ParallaxApp.inputs.map((i) => i.name));
    assert.equal(names.length, files.length, 'the png is skipped');
    assert.ok(names.some((n) => n.startsWith('story/more/')), `sub-folders are read (${names})`);
    assertClean(log);
    await page.close();
  } finally {
    cleanup();
  }
});

test('the learned matcher can be chosen for the comparison (resources loaded lazily, from file://)', async () => {
  const { page, log } = await openPage(browser.context, INDEX_URL);
  await waitForColumns(page, sampleFiles().length);
  assert.equal(await page.evaluate(() => window.ParallaxApp.report.matcher), 'tfidf-context');
  assert.equal(log.requests.some((u) => u.endsWith('/resources.js')), false, 'not loaded up front');
  await page.selectOption('#px-matcher', 'learned');
  await page.waitForFunction(() => window.ParallaxApp.report && window.ParallaxApp.report.matcher === 'learned-v1' && !window.ParallaxApp.busy,
    null, { timeout: 60000 });
  assert.ok(log.requests.some((u) => u.endsWith('/web/dist/resources.js')), 'loaded on demand');
  assert.ok(await page.locator('.px-grid .px-shared').count() > 0);
  await screenshot(page, 'learned-matcher');
  assertClean(log);
  await page.close();
});
