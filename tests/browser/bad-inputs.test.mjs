// Bad inputs give a visible notice or a sensible result, never a crash, and the page stays usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, openPage, INDEX_URL, waitForColumns, waitForIdle, screenshot, dropFiles, foreignRequests,
} from './helpers.mjs';

const browser = useBrowser();

const GOOD_A = Buffer.from(
  'Ferry fares rise in Lowmere\n\n' +
  'The Lowmere ferry company will raise single fares from 3.20 to 3.60 crowns on 1 June, the company said on Friday.\n\n' +
  'Season tickets will stay at their current price until the end of the year.\n\n' +
  'The company blamed the higher price of fuel for the increase.');
const GOOD_B = Buffer.from(
  'Lowmere ferry to cost more from June\n\n' +
  'The Lowmere ferry company will raise single fares from 3.20 to 3.60 crowns on 1 June, the company said on Friday.\n\n' +
  'Passenger groups called the rise unfair to commuters who cross the bay every day.');

/** Deterministic pseudo-random bytes with NULs in them. */
function binaryBytes(n) {
  const out = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = i % 7 === 0 ? 0 : x >> 16 & 0xff;
  }
  return out;
}

async function freshPage() {
  const { page, log } = await openPage(browser.context, INDEX_URL + '?empty');
  await page.waitForFunction(() => window.ParallaxApp && document.body.dataset.state === 'empty');
  return { page, log };
}

/** The notice texts shown next to the listed file `name`. */
function fileNotices(page, name) {
  return page.evaluate((n) => {
    const item = [...document.querySelectorAll('.px-input')].find((li) =>
      li.querySelector('.px-input-file').textContent.startsWith(n + ' '));
    return item ? [...item.querySelectorAll('.px-input-notice')].map((e) => e.textContent) : null;
  }, name);
}

async function pageNotices(page) {
  return page.locator('#px-notices .px-notice').allTextContents();
}

/** The page still works: drop two good articles and get two columns. */
async function assertUsable(page) {
  await page.click('#px-clear');
  await page.waitForFunction(() => document.body.dataset.state === 'empty' && !window.ParallaxApp.busy);
  await dropFiles(page, '#px-drop', [{ name: 'a.txt', bytes: GOOD_A }, { name: 'b.txt', bytes: GOOD_B }]);
  await waitForColumns(page, 2);
}

function assertNoCrash(log) {
  assert.deepEqual(log.pageErrors, [], 'no uncaught page errors');
  assert.deepEqual(foreignRequests(log.requests), [], 'only file:// requests');
}

test('an empty file alone gives a visible error; next to others it is flagged in the list', async () => {
  const { page, log } = await freshPage();
  await dropFiles(page, '#px-drop', [{ name: 'empty.txt', bytes: Buffer.alloc(0) }]);
  await waitForIdle(page);
  const notices = await pageNotices(page);
  assert.ok(notices.length > 0, 'a page-level notice is shown');
  assert.ok(await page.locator('.px-notice-error').first().isVisible());

  await page.click('#px-clear');
  await dropFiles(page, '#px-drop', [
    { name: 'empty.txt', bytes: Buffer.alloc(0) }, { name: 'a.txt', bytes: GOOD_A }, { name: 'b.txt', bytes: GOOD_B },
  ]);
  await waitForColumns(page, 2);
  const perFile = await fileNotices(page, 'empty.txt');
  assert.ok(perFile && perFile.length > 0, 'the empty file has its own notice: ' + JSON.stringify(perFile));
  await screenshot(page, 'bad-empty');
  await assertUsable(page);
  assertNoCrash(log);
  await page.close();
});

test('a binary file is rejected with a notice while the others are compared', async () => {
  const { page, log } = await freshPage();
  await dropFiles(page, '#px-drop', [
    { name: 'photo.txt', bytes: binaryBytes(4096) }, { name: 'a.txt', bytes: GOOD_A }, { name: 'b.txt', bytes: GOOD_B },
  ]);
  await waitForColumns(page, 2);
  const perFile = await fileNotices(page, 'photo.txt');
  assert.ok(perFile && perFile.some((t) => /^Error: /.test(t)), 'the binary file shows an error: ' + JSON.stringify(perFile));
  await screenshot(page, 'bad-binary');
  assertNoCrash(log);
  await page.close();
});

test('invalid UTF-8 is decoded with replacements, not rejected', async () => {
  const { page, log } = await freshPage();
  const broken = Buffer.concat([
    Buffer.from('Ferry fares rise \xff\xfe in Lowmere\n\n', 'latin1'),
    Buffer.from([0xc3, 0x28, 0x20, 0xe2, 0x82, 0x20, 0xf0, 0x90, 0x28, 0xbc, 0x0a, 0x0a]),
    GOOD_A.subarray(28),
  ]);
  await dropFiles(page, '#px-drop', [{ name: 'broken.txt', bytes: broken }, { name: 'b.txt', bytes: GOOD_B }]);
  await waitForColumns(page, 2);
  const text = await page.locator('.px-compare').textContent();
  assert.ok(text.includes('Lowmere ferry company'), 'the readable part of the article is shown');
  await screenshot(page, 'bad-utf8');
  assertNoCrash(log);
  await page.close();
});

test('one article alone is shown with a hint to add more', async () => {
  const { page, log } = await freshPage();
  await dropFiles(page, '#px-drop', [{ name: 'a.txt', bytes: GOOD_A }]);
  await waitForIdle(page);
  const columns = await page.locator('.px-col-head').count();
  const notices = await pageNotices(page);
  assert.ok(columns === 1 || notices.length > 0, 'one column, or a notice explaining why not');
  if (columns === 1) assert.ok(notices.some((n) => /at least one more article/.test(n)));
  assert.equal(await page.locator('.px-grid .px-shared').count(), 0, 'nothing is shared with only one source');
  await assertUsable(page);
  assertNoCrash(log);
  await page.close();
});

test('200 small files at once: a result or a notice, and the page stays responsive', async () => {
  const { page, log } = await freshPage();
  const towns = ['Lowmere', 'Kestrelford', 'Haldwick', 'Orrin Bay', 'Sallowfield'];
  const files = Array.from({ length: 200 }, (_, i) => ({
    name: `note-${String(i).padStart(3, '0')}.txt`,
    bytes: Buffer.from(
      `Notice ${i} from ${towns[i % towns.length]}\n\n` +
      `The ${towns[i % towns.length]} library will open late on day ${i % 28 + 1} because of a staff meeting.\n\n` +
      (i % 3 === 0 ? 'The ferry company will raise single fares from 3.20 to 3.60 crowns on 1 June.\n' : `Item ${i} has no other news.\n`)),
  }));
  const started = Date.now();
  await dropFiles(page, '#px-drop', files);
  // While the worker runs, the main thread answers quickly.
  const t0 = Date.now();
  await page.evaluate(() => document.querySelectorAll('.px-input').length);
  assert.ok(Date.now() - t0 < 2000, 'the page answers while the analysis runs');
  await waitForIdle(page, 90000);
  const columns = await page.locator('.px-col-head').count();
  const notices = await pageNotices(page);
  assert.ok(columns === 200 || notices.length > 0, `200 columns or a notice (got ${columns}, ${notices.join(' | ')})`);
  assert.equal(await page.locator('.px-input').count(), 200, 'all files are listed');
  await screenshot(page, 'bad-200-files');
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 90000, `finished in ${elapsed} ms`);
  await assertUsable(page);
  assertNoCrash(log);
  await page.close();
});
