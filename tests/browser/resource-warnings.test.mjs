// The core's resource warnings (Resources::warnings(), e.g. an old WordNet read with fallbacks)
// reach the page: shown once in the notices area, as text, when the learned resources load
// (cleanup). The page is served over http so the test can hand it an old WordNet in place of
// web/dist/resources.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, openPage, waitForColumns, screenshot, sampleFiles, foreignRequests, oldWordnetResourcesScript,
} from './helpers.mjs';

const browser = useBrowser({ server: {} });

const warningNotices = (page) =>
  page.locator('#px-notices .px-notice').filter({ hasText: 'Resource wordnet-en.bin:' }).allTextContents();

test('an old WordNet loads with a warning the page shows once, as text', async () => {
  const { page, log } = await openPage(browser.context);
  const body = oldWordnetResourcesScript();
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
