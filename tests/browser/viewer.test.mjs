// The viewer opened from disk (file://): sample preload, dropping files, the file picker,
// shared-sentence highlighting, boilerplate toggles, and no network requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  useBrowser, openPage, INDEX_URL, waitForColumns, screenshot, dropFiles, sampleFiles, tempDir, foreignRequests, waitForTreatments,
} from './helpers.mjs';

const browser = useBrowser();

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
      // Ribbons link neighbouring columns only: pick a sentence matched in the next or previous one.
      return shared.some((o) => Math.abs(Number(o.closest('.px-cell').dataset.article) - Number(col)) === 1 &&
        o.dataset.claims.split(' ').some((c) => claims.includes(c)));
    });
  });
  assert.ok(index >= 0, 'a shared sentence with a match in a neighbouring column exists');
  const sentence = page.locator('.px-grid .px-shared').nth(index);
  await sentence.scrollIntoViewIfNeeded();
  // Hover the middle of the sentence's first line box (a wrapped sentence's bounding box can
  // have another element at its centre).
  const point = await sentence.evaluate((s) => { const r = s.getClientRects()[0]; return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 }; });
  await page.mouse.move(point.x, point.y);
  return page.evaluate(() => {
    const active = document.querySelector('.px-active');
    const matches = [...document.querySelectorAll('.px-match')];
    return {
      activeColumn: active && active.closest('.px-cell').dataset.article,
      matchColumns: [...new Set(matches.map((m) => m.closest('.px-cell').dataset.article))],
      focusMode: !!document.querySelector('.px-grid.px-focus-mode'),
      status: document.querySelector('.px-focus').textContent,
      tooltip: document.querySelector('.px-tooltip').hidden ? '' : document.querySelector('.px-tooltip').textContent,
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
    markers: [...document.querySelectorAll('.px-shared .px-mark:not(.px-mark--verbatim):not(.px-mark--contested)')].map((m) => m.textContent),
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
  assert.ok(info.markers.every((m) => /^(shared ×\d+|✔ all \d+)( · \d+ independent)?$/.test(m)), `every shared sentence carries a text marker (${info.markers})`);
  assert.ok(info.markers.some((m) => m.startsWith('✔ all')), 'claims of every source are marked "✔ all"');
  assert.ok(info.boilerplate > 0, 'boilerplate paragraphs are flagged');
  // The samples share a wire passage copied word for word by two outlets.
  assert.ok(info.verbatim.length > 0 && info.verbatim.every((t) => /^Word for word also in /.test(t)), 'verbatim copies are marked');
  assert.match(info.status, /\d+ articles/);
  await screenshot(page, 'samples-file');

  // Column headers: source, title, date.
  const heads = await page.evaluate(() => [...document.querySelectorAll('.px-col-head')].map((h) => ({
    source: h.querySelector('.px-col-source')?.textContent, title: h.querySelector('.px-col-title')?.textContent || '',
    meta: h.querySelector('.px-col-meta')?.textContent || '' })));
  assert.ok(heads.every((h) => h.source), 'every column names its source');
  assert.ok(heads.some((h) => h.title) && heads.some((h) => /\d{4}-\d{2}-\d{2}/.test(h.meta)), 'titles and dates are shown');

  // Rows: the paragraphs of one model row share one grid row.
  const aligned = await page.evaluate(() => {
    const cells = [...document.querySelectorAll('.px-cell--aligned')];
    const byRow = {};
    for (const c of cells) (byRow[c.dataset.row] ||= []).push(Math.round(c.getBoundingClientRect().top));
    return Object.values(byRow).filter((tops) => tops.length > 1).map((tops) => Math.max(...tops) - Math.min(...tops));
  });
  assert.ok(aligned.length > 0 && aligned.every((d) => d === 0), 'aligned paragraphs start at the same height');

  // Ribbons: SVG paths between adjacent columns, stroke width from the match score.
  const ribbons = await page.evaluate(() => [...document.querySelectorAll('.px-ribbons path')].map((p) => Number(p.getAttribute('stroke-width'))));
  assert.ok(ribbons.length > 3, `ribbons are drawn (${ribbons.length})`);
  assert.ok(ribbons.every((w) => w >= 1 && w <= 6), 'stroke widths lie in 1..6');
  assert.ok(new Set(ribbons).size > 1, 'stroke width varies with the score');

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
  // with the count of independent sources when some carry identical wording (verbatim reuse)
  assert.match(hover.tooltip, /^Shared by \d+ of \d+ sources( \(\d+ independent: the others carry identical wording\))?$/);
  assert.ok(await page.locator('.px-ribbons--focus .px-ribbon--match').count() > 0, 'the ribbons of the hovered claim stand out');
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

test('coverage matrix, filters and search', async () => {
  const { page, log } = await openPage(browser.context, INDEX_URL);
  const n = sampleFiles().length;
  await waitForColumns(page, n);
  const rows = await page.evaluate(() => [...document.querySelectorAll('.px-matrix-row')].map((r) => ({
    claim: Number(r.dataset.claim), support: parseInt(r.querySelector('.px-matrix-num').textContent, 10),
    yes: r.querySelectorAll('.px-matrix-yes').length })));
  assert.ok(rows.length > 0, 'the matrix lists the shared claims');
  assert.ok(rows.every((r, i) => i === 0 || rows[i - 1].support >= r.support), 'sorted by support');
  assert.ok(rows.every((r) => r.yes === r.support), 'one mark per supporting source');
  const header = await page.locator('.px-matrix thead th.px-matrix-src').count();
  assert.equal(header, n, 'one matrix column per source');
  await screenshot(page, 'matrix');

  // Clicking a claim scrolls the columns to it and flashes every member.
  await page.evaluate(() => { document.querySelector('.px-compare').scrollTop = 99999; });
  const last = page.locator('.px-matrix-jump').first();
  await last.click();
  const flashed = await page.evaluate(() => {
    const f = [...document.querySelectorAll('.px-s.px-flash')];
    const box = document.querySelector('.px-compare').getBoundingClientRect();
    const r = document.activeElement.getBoundingClientRect();
    return { count: f.length, columns: new Set(f.map((s) => s.dataset.ref.split(':')[0])).size,
      inView: !!r && r.top >= box.top && r.bottom <= box.bottom, focused: document.activeElement && document.activeElement.classList.contains('px-flash') };
  });
  assert.ok(flashed.count >= 2 && flashed.columns >= 2, 'the claim\'s sentences in several columns flash');
  assert.ok(flashed.inView, 'the one that gets the focus is scrolled into view');
  assert.ok(flashed.focused, 'keyboard focus moves there');

  const count = async () => page.evaluate(() => ({
    hits: document.querySelectorAll('.px-s.px-hit').length, dim: document.querySelectorAll('.px-s.px-dim').length,
    hiddenRows: document.querySelectorAll('.px-row-hidden').length, label: document.querySelector('.px-filter-count').textContent,
    matrix: document.querySelectorAll('.px-matrix-row').length }));
  await page.selectOption('.px-filter', 'unique');
  const unique = await count();
  assert.ok(unique.hits > 0 && unique.dim > 0, 'unique: some sentences match, the rest dim');
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('.px-s.px-hit')].every((s) => !s.classList.contains('px-shared'))), 'no shared sentence passes "unique"');
  await page.selectOption('.px-filter', 'shared-all');
  const all = await count();
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('.px-s.px-hit')].every((s) => s.classList.contains('px-all'))), 'shared-by-all keeps only ✔ all sentences');
  await page.selectOption('.px-filter', 'at-least');
  await page.fill('.px-k', '3');
  await page.waitForFunction(() => document.querySelector('.px-filter-count').textContent !== '');
  const atLeast3 = await page.evaluate(() => [...document.querySelectorAll('.px-s.px-hit')].map((s) => Number(s.dataset.support)));
  assert.ok(atLeast3.every((k) => k >= 3), 'at least k=3');
  assert.ok(atLeast3.length >= all.hits, 'k=3 includes the shared-by-all ones');
  await page.selectOption('.px-filter', 'all');
  await page.fill('.px-search', 'bridge');
  await page.waitForFunction(() => /match/.test(document.querySelector('.px-filter-count').textContent));
  const search = await page.evaluate(() => [...document.querySelectorAll('.px-s.px-hit')].map((s) => s.textContent.toLowerCase()));
  assert.ok(search.length > 0 && search.every((t) => t.includes('bridge')), 'search keeps sentences with the word');
  await screenshot(page, 'filter-search');
  await page.fill('.px-search', 'zzzz-no-such-word');
  await page.waitForFunction(() => /^0 /.test(document.querySelector('.px-filter-count').textContent));
  assert.equal(await page.locator('.px-matrix-row').count(), 0, 'the matrix follows the search');
  await page.fill('.px-search', '');
  await page.waitForFunction(() => document.querySelector('.px-filter-count').textContent === '');
  assert.equal(await page.locator('.px-row-hidden').count(), 0, 'clearing the search shows every row again');
  assertClean(log);
  await page.close();
});

test('keyboard: arrows move between matched sentences; Enter asks every source about the claim', async () => {
  const { page, log } = await openPage(browser.context, INDEX_URL);
  await waitForColumns(page, sampleFiles().length);
  // Tab reaches the sentences through one stop (roving tabindex).
  assert.equal(await page.locator('.px-grid .px-s[tabindex="0"]').count(), 1, 'one sentence is in the tab order');
  // Start on a shared sentence of column 0 whose claim is also in column 1.
  const ref = await page.evaluate(() => {
    const model = window.ParallaxApp.model;
    for (const c of model.claims) {
      const a0 = c.members.find((m) => m.article === 0);
      if (c.support >= 2 && a0 && c.members.some((m) => m.article === 1)) return `${a0.article}:${a0.paragraph}:${a0.sentence}`;
    }
    return null;
  });
  assert.ok(ref, 'a claim shared by the first two columns');
  await page.locator(`.px-s[data-ref="${ref}"]`).focus();
  await page.keyboard.press('ArrowRight');
  const moved = await page.evaluate((from) => {
    const a = document.activeElement;
    const fromClaims = document.querySelector(`.px-s[data-ref="${from}"]`).dataset.claims.split(' ');
    return { ref: a.dataset.ref, shares: (a.dataset.claims || '').split(' ').some((c) => fromClaims.includes(c)), tabindex: a.tabIndex };
  }, ref);
  assert.equal(moved.ref.split(':')[0], '1', 'ArrowRight moves to the next column');
  assert.ok(moved.shares, 'onto the matched sentence');
  assert.equal(moved.tabindex, 0, 'the roving tab stop follows');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.ref.split(':')[0]), '0', 'ArrowLeft comes back');
  await page.keyboard.press('ArrowDown');
  const down = await page.evaluate(() => document.activeElement.dataset.ref);
  assert.notEqual(down, ref, 'ArrowDown moves to the next sentence');
  assert.equal(down.split(':')[0], '0', 'in the same column');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.ref), ref);

  // Enter selects: the claim panel lists every other source with a label and evidence.
  await page.evaluate(() => {
    window.__selected = null;
    document.addEventListener('parallax-select', (e) => { window.__selected = e.detail; }, { once: true });
  });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__selected !== null);
  const detail = await page.evaluate(() => window.__selected);
  assert.equal(`${detail.article}:${detail.paragraph}:${detail.sentence}`, ref, 'parallax-select names the sentence');
  await waitForTreatments(page);
  const treatments = await page.evaluate(() => [...document.querySelectorAll('.px-treatment')].map((t) => ({
    label: t.dataset.label, text: t.querySelector('.px-treatment-label').textContent, evidence: t.querySelector('.px-evidence-link')?.textContent || '' })));
  assert.equal(treatments.length, sampleFiles().length - 1, 'one line per other source');
  assert.ok(treatments.every((t) => ['agree', 'disagree', 'discuss', 'silent'].includes(t.label)), 'labels come from stance');
  assert.ok(treatments.every((t) => /^(✔|✖|◐|○) /.test(t.text)), 'each label has an icon and a word');
  assert.ok(treatments.some((t) => t.label !== 'silent' && t.evidence), 'a source that reports it shows evidence');
  await screenshot(page, 'claim-panel');
  // Tab order: panel tabs are reachable and switch with arrows.
  await page.locator('.px-side-tab[aria-selected="true"]').focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.panel), 'stance');
  // Visible focus: the focused tab has an outline.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'keyboard focus is visible');
  assertClean(log);
  await page.close();
});

test('export: JSON is the parallax/1 document, CSV the matrix, HTML a self-contained report', async () => {
  const { page, log } = await openPage(browser.context, INDEX_URL);
  const n = sampleFiles().length;
  await waitForColumns(page, n);
  const download = async (id) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
    const path = await d.path();
    return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
  };
  const json = await download('#px-export-json');
  assert.match(json.name, /\.json$/);
  const report = JSON.parse(json.text);
  assert.equal(report.schema, 'parallax/1');
  assert.equal(report.articles.length, n);
  assert.deepEqual(report, await page.evaluate(() => window.ParallaxApp.report), 'the export is the analysis');
  const csv = await download('#px-export-csv');
  const lines = csv.text.trim().split('\r\n');
  assert.equal(lines[0].split(',').length, 5 + n, 'claim, label, support, independent, contested + one column per source');
  assert.equal(lines.length - 1, report.claims.length, 'one line per claim');
  const html = await download('#px-export-html');
  assert.match(html.text, /^<!doctype html>/);
  assert.ok(!/<script/i.test(html.text), 'the report runs no script');
  assert.ok(!/(src|href)=["']?(https?:|\/\/)/i.test(html.text), 'and loads nothing');
  // Opened on its own (offline, file://), the report shows the articles.
  const dir = tempDir();
  try {
    const file = join(dir.dir, 'report.html');
    writeFileSync(file, html.text);
    const other = await browser.context.newPage();
    const requests = [];
    other.on('request', (r) => requests.push(r.url()));
    await other.goto('file://' + file);
    assert.ok((await other.locator('h2').allTextContents()).includes('Coverage'));
    assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
    await other.emulateMedia({ media: 'print' });
    await screenshot(other, 'report-print');
    await other.close();
  } finally {
    dir.cleanup();
  }
  // The page's own print stylesheet hides the controls.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.px-input-panel').isVisible(), false, 'print hides the input panel');
  assert.equal(await page.locator('.px-panel--matrix').isVisible(), true, 'print keeps the coverage matrix');
  await screenshot(page, 'print');
  await page.emulateMedia({ media: 'screen' });
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
