// The core's resource warnings (Resources::warnings(), e.g. an old WordNet read with fallbacks)
// reach the page: shown once in the notices area, as text, when the learned resources load
// (cleanup). The page is served over http so the test can hand it an old WordNet in place of
// web/dist/resources.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowser, openPage, waitForColumns, screenshot, sampleFiles, foreignRequests, REPO } from './helpers.mjs';

const browser = useBrowser({ server: {} });

/** The WordNet bytes as format version 1 (no parts of speech), as tests/node/resource-warnings does. */
function wordnetAsVersion1(bytes) {
  const posBytes = bytes.readUInt32LE(48);
  const old = Buffer.from(bytes.subarray(0, bytes.length - posBytes));
  old[4] = 1;
  old.fill(0, 48, 52);
  return old;
}

function resourcesScript() {
  const list = ['wordnet-en.bin', 'news-lexicon.bin', 'matcher-v1.json', 'stance-v1.json'].map((name) => {
    let bytes = readFileSync(join(REPO, 'resources', name));
    if (name === 'wordnet-en.bin') bytes = wordnetAsVersion1(bytes);
    return `{ name: ${JSON.stringify(name)}, base64: "${bytes.toString('base64')}" }`;
  });
  return `var PARALLAX_RESOURCES = [\n${list.join(',\n')}\n];\n`;
}

const warningNotices = (page) =>
  page.locator('#px-notices .px-notice').filter({ hasText: 'Resource wordnet-en.bin:' }).allTextContents();

test('an old WordNet loads with a warning the page shows once, as text', async () => {
  const { page, log } = await openPage(browser.context);
  const body = resourcesScript();
  await page.route('**/web/dist/resources.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body }));
  await page.goto(browser.server.base + '/index.html');
  await waitForColumns(page, sampleFiles().length);
  assert.deepEqual(await warningNotices(page), [], 'nothing before the resources load');

  await page.selectOption('#px-matcher', 'learned');
  await page.waitForFunction(() => window.ParallaxApp.report && window.ParallaxApp.report.matcher === 'learned-v1' && !window.ParallaxApp.busy,
    null, { timeout: 60000 });
  let shown = await warningNotices(page);
  assert.equal(shown.length, 1, 'one notice');
  assert.match(shown[0], /no parts of speech/);
  assert.equal(await page.locator('#px-notices .px-notice b, #px-notices .px-notice a').count(), 0, 'text, not markup');

  // Another run (and the claim panel's stance calls) keep the one notice.
  await page.selectOption('#px-matcher', '');
  await waitForColumns(page, sampleFiles().length);
  await page.selectOption('#px-matcher', 'learned');
  await page.waitForFunction(() => window.ParallaxApp.report && window.ParallaxApp.report.matcher === 'learned-v1' && !window.ParallaxApp.busy,
    null, { timeout: 60000 });
  shown = await warningNotices(page);
  assert.equal(shown.length, 1, 'still one notice');
  await screenshot(page, 'resource-warning');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(foreignRequests(log.requests, browser.server.origin), []);
  await page.close();
});
