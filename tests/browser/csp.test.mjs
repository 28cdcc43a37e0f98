// Over http with the strict Content-Security-Policy header, from a sub-path of the host: no
// violation, the normal worker runs the analysis, every request stays on the local server; the
// exports, the stance calls and the lazily loaded learned matcher work under the policy too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, openPage, waitForColumns, screenshot, sampleFiles, foreignRequests, waitForTreatments,
} from './helpers.mjs';

const browser = useBrowser({ server: { prefix: '/newsroom/tools/parallax' } });

test('index.html works under the strict CSP header at a sub-path, without violations or foreign requests', async () => {
  const { page, log } = await openPage(browser.context);
  const response = await page.goto(browser.server.base + '/index.html');
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await waitForColumns(page, sampleFiles().length);
  const result = await page.evaluate(() => ({
    mode: window.ParallaxApp.engineMode,
    shared: document.querySelectorAll('.px-grid .px-shared').length,
    ribbons: document.querySelectorAll('.px-ribbons path').length,
  }));
  assert.equal(result.mode, 'worker', 'over http the page uses web/worker.js');
  assert.ok(result.shared > 0 && result.ribbons > 0, 'the analysis completed and is drawn');

  // Exports and the claim panel (stance in the worker) under the policy.
  for (const id of ['#px-export-json', '#px-export-csv', '#px-export-html']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(id)]);
    assert.ok(download.suggestedFilename());
  }
  // The learned models (web/dist/resources.js) load lazily: not up front, but for the first
  // stance() (the claim panel) or match().
  const loaded = () => page.evaluate(() => [...document.scripts].some((s) => /resources\.js$/.test(s.src)));
  assert.equal(await loaded(), false, 'the learned resources are not loaded up front');
  await page.locator('.px-grid .px-shared').first().click();
  await waitForTreatments(page);
  assert.equal(await loaded(), true, 'the claim panel loaded the stance model');

  // match() in the page uses the learned model.
  const match = await page.evaluate(async () => {
    const r = await window.ParallaxApp.engine.match('Talks begin on Friday.', 'Discussions start on Friday.');
    return { r, matcher: window.ParallaxApp.engine.matcher };
  });
  assert.equal(match.matcher, 'learned-v1', 'the learned matcher is loaded for match()');
  assert.equal(typeof match.r.same, 'boolean');
  assert.ok(match.r.score >= 0 && match.r.score <= 1);

  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations, [], 'no securitypolicyviolation events');
  assert.deepEqual(log.consoleErrors, [], 'no console errors at all');
  assert.deepEqual(log.browserErrors, [], 'no browser log errors (this includes CSP refusals inside the worker)');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(foreignRequests(log.requests, browser.server.origin), [], 'every request went to the local server');
  assert.ok(log.requests.every((u) => !u.startsWith(browser.server.origin) || u.startsWith(browser.server.base + '/')), 'every request stayed under the sub-path');
  assert.ok(log.requests.some((u) => u.endsWith('/web/worker.js')), 'the worker script was loaded');
  await screenshot(page, 'csp-http');
  await page.close();
});
