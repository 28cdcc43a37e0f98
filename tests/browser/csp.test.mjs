// Over http with the strict Content-Security-Policy header: no violation, the normal worker runs
// the analysis, and every request stays on the local server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openPage, missingPrerequisite, waitForColumns, screenshot, sampleFiles, serveRepo, foreignRequests,
} from './helpers.mjs';

let browser;
let server;
before(async () => {
  const missing = missingPrerequisite();
  if (missing) throw new Error(missing);
  browser = await launch();
  server = await serveRepo();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('index.html works under the strict CSP header, without violations or foreign requests', async () => {
  const { page, log } = await openPage(browser.context);
  const response = await page.goto(server.origin + '/index.html');
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await waitForColumns(page, sampleFiles().length);
  const result = await page.evaluate(() => ({
    mode: window.ParallaxApp.engineMode,
    violations: window.__cspViolations,
    shared: document.querySelectorAll('.px-grid .px-shared').length,
  }));
  assert.equal(result.mode, 'worker', 'over http the page uses web/worker.js');
  assert.deepEqual(result.violations, [], 'no securitypolicyviolation events');
  assert.deepEqual(log.consoleErrors.filter((e) => /Content Security Policy|Refused/i.test(e)), [], 'no CSP console errors');
  assert.deepEqual(log.consoleErrors, [], 'no console errors at all');
  assert.deepEqual(log.browserErrors, [], 'no browser log errors (this includes CSP refusals inside the worker)');
  assert.deepEqual(log.pageErrors, []);
  assert.ok(result.shared > 0, 'the analysis completed');
  assert.deepEqual(foreignRequests(log.requests, server.origin), [], 'every request went to the local server');
  assert.ok(log.requests.some((u) => u.endsWith('/web/worker.js')), 'the worker script was loaded');
  await screenshot(page, 'csp-http');
  await page.close();
});
