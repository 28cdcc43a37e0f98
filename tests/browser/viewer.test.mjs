// The viewer opened from disk (file://): sample preload, dropping files, the file picker,
// shared-sentence highlighting, boilerplate toggles, and no network requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  launch, openPage, INDEX_URL, missingPrerequisite, waitForColumns, screenshot, dropFiles,
  sampleFiles, tempDir, foreignRequests,
} from './helpers.mjs';

let browser;
before(async () => {
  const missing = missingPrerequisite();
  if (missing) throw new Error(missing);
  browser = await launch();
});
after(async () => { await browser?.close(); });

function assertClean(log) {
  assert.deepEqual(log.pageErrors, [], 'no uncaught page errors');
  assert.deepEqual(log.browserErrors, [], 'no browser log errors (page or worker)');
  assert.deepEqual(log.dialogs, [], 'no dialogs');
  assert.deepEqual(foreignRequests(log.requests), [], 'only file:// requests');
}

/** Hovers a shared sentence that has a match in another column; returns what was highlighted. */
async function hoverShared(page) {
  const index = await page.evaluate(() => {
    const shared = [...document.querySelectorAll('.px-grid .px-shared')];
    return shared.findIndex((s) => {
      const claims = s.dataset.claims.split(' ');
      const col = s.closest('.px-cell').dataset.article;
      return shared.some((o) => o.closest('.px-cell').dataset.article !== col &&
        o.dataset.claims.split(' ').some((c) => claims.includes(c)));
    });
  });
  assert.ok(index >= 0, 'a shared sentence with a match in another column exists');
  const sentence = page.locator('.px-grid .px-shared').nth(index);
  await sentence.scrollIntoViewIfNeeded();
  await sentence.hover();
  return page.evaluate(() => {
    const active = document.querySelector('.px-active');
    const matches = [...document.querySelectorAll('.px-match')];
    return {
      activeColumn: active && active.closest('.px-cell').dataset.article,
      matchColumns: [...new Set(matches.map((m) => m.closest('.px-cell').dataset.article))],
      focusMode: !!document.querySelector('.px-grid.px-focus-mode'),
      status: document.getElementById('px-focus').textContent,
      tooltip: document.getElementById('px-tooltip').hidden ? '' : document.getElementById('px-tooltip').textContent,
    };
  });
}

test('samples are preloaded from file:// and shown as aligned columns', async () => {
  const { page, log } = await openPage(browser.context, INDEX_URL);
  const n = sampleFiles().length;
  await waitForColumns(page, n);
  const info = await page.evaluate(() => ({
    mode: window.ParallaxApp.engineMode,
    heads: [...document.querySelectorAll('.px-col-head .px-col-source')].map((e) => e.textContent),
    cells: document.querySelectorAll('.px-cell:not(.px-cell--empty)').length,
    rows: window.ParallaxApp.model.rows.length,
    shared: document.querySelectorAll('.px-grid .px-shared').length,
    markers: [...document.querySelectorAll('.px-shared .px-mark:not(.px-mark--verbatim)')].map((m) => m.textContent),
    verbatim: [...document.querySelectorAll('.px-verbatim')].map((s) => s.title),
    boilerplate: document.querySelectorAll('.px-boilerplate').length,
    status: document.getElementById('px-status').textContent,
    inputs: document.querySelectorAll('.px-input').length,
  }));
  assert.equal(info.mode, 'blob-worker', 'file:// runs the engine in a Blob-URL worker');
  assert.equal(info.heads.length, n);
  assert.equal(info.inputs, n);
  assert.ok(info.rows > 0 && info.cells > 0, 'rows and paragraph cells are rendered');
  assert.ok(info.shared > 0, 'some sentences are marked as shared');
  assert.ok(info.markers.every((m) => /^shared ×\d+( · \d+ independent)?$/.test(m)), 'every shared sentence carries a text marker');
  assert.ok(info.boilerplate > 0, 'boilerplate paragraphs are flagged');
  // The samples share a wire passage copied word for word by two outlets.
  assert.ok(info.verbatim.length > 0 && info.verbatim.every((t) => /^Word for word also in /.test(t)), 'verbatim copies are marked');
  assert.match(info.status, /\d+ articles/);
  await screenshot(page, 'samples-file');

  // Boilerplate is collapsed; its toggle expands it.
  const toggle = page.locator('.px-boilerplate .px-bp-toggle').first();
  await toggle.scrollIntoViewIfNeeded();
  const body = page.locator('.px-boilerplate').first().locator('.px-body');
  assert.equal(await body.isVisible(), false, 'boilerplate text starts collapsed');
  await toggle.click();
  assert.equal(await body.isVisible(), true, 'clicking the label expands it');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');

  // Keyboard: focusing a shared sentence highlights like hovering.
  await page.locator('.px-grid .px-shared').first().focus();
  assert.ok(await page.locator('.px-grid.px-focus-mode').count(), 'focus turns on the highlight');
  await page.keyboard.press('Escape');

  const hover = await hoverShared(page);
  assert.ok(hover.focusMode, 'hover dims the rest');
  assert.ok(hover.matchColumns.some((c) => c !== hover.activeColumn), 'a match is highlighted in another column');
  assert.match(hover.status, new RegExp(`^Shared by \\d+ of ${n} sources`));
  assert.match(hover.tooltip, /^Shared by \d+ of \d+ sources$/);
  await screenshot(page, 'samples-file-hover');

  // "also in" links (moved paragraphs) jump to and focus the other paragraph.
  const link = page.locator('.px-link').first();
  if (await link.count()) {
    const target = await link.getAttribute('data-target');
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await page.waitForFunction((id) => document.activeElement && document.activeElement.id === id, target);
    assert.ok(await page.locator('#' + target).evaluate((e) => e.classList.contains('px-flash')));
  }
  assertClean(log);
  await page.close();
});

test('?empty starts empty; dropping the sample files compares them', async () => {
  const { page, log } = await openPage(browser.context, INDEX_URL + '?empty');
  await page.waitForFunction(() => window.ParallaxApp && document.body.dataset.state === 'empty');
  assert.equal(await page.locator('.px-input').count(), 0, 'nothing preloaded with ?empty');
  await screenshot(page, 'empty');

  const files = sampleFiles();
  await dropFiles(page, '#px-drop', files);
  await waitForColumns(page, files.length);
  const rows = await page.evaluate(() => window.ParallaxApp.model.rows.length);
  assert.ok(rows > 0);
  assert.ok(await page.locator('.px-grid .px-shared').count() > 0, 'at least one shared highlight');
  const hover = await hoverShared(page);
  assert.ok(hover.matchColumns.some((c) => c !== hover.activeColumn), 'hover highlights a match in another column');
  await screenshot(page, 'dropped-hover');

  // Removing one article re-runs the comparison with the rest.
  await page.locator('.px-remove').first().click();
  await waitForColumns(page, files.length - 1);
  assertClean(log);
  await page.close();
});

test('the file picker adds files; paste adds an article', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const files = sampleFiles();
    const paths = files.map((f) => {
      const p = join(dir, f.name);
      writeFileSync(p, f.bytes);
      return p;
    });
    const { page, log } = await openPage(browser.context, INDEX_URL + '?empty');
    await page.waitForFunction(() => window.ParallaxApp && document.body.dataset.state === 'empty');
    await page.setInputFiles('#px-file', paths);
    await waitForColumns(page, files.length);
    assert.ok(await page.locator('.px-grid .px-shared').count() > 0);

    await page.locator('#px-paste summary').click();
    await page.fill('#px-paste-name', 'Harbour Courier');
    await page.fill('#px-paste-text',
      'The Varrow Bridge in Kestrelford closes to motor traffic on Thursday.\n\n' +
      'Mayor Ilse Brannock said she would not gamble with anyone\'s safety.');
    await page.click('#px-paste-add');
    await waitForColumns(page, files.length + 1);
    const names = await page.locator('.px-input-file').allTextContents();
    assert.ok(names.some((n) => n.startsWith('Harbour Courier.txt')), 'the pasted article is listed under its source name');
    await screenshot(page, 'picker-and-paste');
    assertClean(log);
    await page.close();
  } finally {
    cleanup();
  }
});
