// The three ways in (docs/embedding.md): <parallax-compare> in a host page (file:// and http under
// the strict CSP), the iframe postMessage protocol, and the ES module API in a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  useBrowser, openPage, screenshot, foreignRequests, REPO, waitForTreatments,
} from './helpers.mjs';

const browser = useBrowser({ server: { prefix: '/cms/tools/parallax' } });

const ELEMENT_FILE = pathToFileURL(join(REPO, 'web/examples/element.html')).href;

function assertStrict(log, violations, origin) {
  assert.deepEqual(violations, [], 'no securitypolicyviolation events');
  assert.deepEqual(log.consoleErrors, [], 'no console errors');
  assert.deepEqual(log.browserErrors, [], 'no browser log errors (page or worker)');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(foreignRequests(log.requests, origin), [], 'no request left the host');
}

async function checkElement(url, origin) {
  const { page, log } = await openPage(browser.context);
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ['parallax-analysis', 'parallax-select']) {
      document.addEventListener(type, (e) => window.__events.push({ type, composed: e.composed, target: e.target.localName,
        detail: type === 'parallax-select' ? e.detail : { articles: e.detail.report.articles.length } }));
    }
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'parallax-analysis'), null, { timeout: 30000 });
  const host = page.locator('parallax-compare');
  const info = await page.evaluate(() => {
    const el = document.querySelector('parallax-compare');
    const root = el.shadowRoot;
    const cell = root.querySelector('.px-cell:not(.px-cell--empty) .px-body');
    const shared = root.querySelector('.px-shared');
    const jump = root.querySelector('.px-matrix-jump');
    return {
      columns: [...root.querySelectorAll('.px-col-source')].map((e) => e.textContent),
      shared: root.querySelectorAll('.px-shared').length,
      ribbons: root.querySelectorAll('.px-ribbons path').length,
      cellColor: getComputedStyle(cell).color,
      cellBackground: getComputedStyle(cell.closest('.px-cell')).backgroundColor,
      sharedBackground: getComputedStyle(shared).backgroundColor,
      accent: getComputedStyle(jump).color,
      pageHasViewerClasses: document.querySelectorAll('.px-grid, .px-cell').length,
      hostParagraphColor: getComputedStyle(document.querySelector('main > p')).color,
      analysis: el.analysis && el.analysis.schema,
    };
  });
  assert.deepEqual(info.columns, ['Harbour Times', 'Coast Radio', 'Island Post'], 'children become columns (data-source, JSON source)');
  assert.ok(info.shared > 0 && info.ribbons > 0, 'shared sentences and ribbons inside the shadow root');
  assert.equal(info.cellColor, 'rgb(28, 29, 31)', 'the host page\'s p { color } does not leak in');
  assert.notEqual(info.sharedBackground, 'rgb(255, 255, 0)', 'nor its .px-shared rule');
  assert.equal(info.accent, 'rgb(106, 27, 154)', 'the --px-accent custom property styles the element');
  assert.equal(info.pageHasViewerClasses, 0, 'nothing rendered into the light DOM');
  assert.equal(info.hostParagraphColor, 'rgb(139, 0, 0)', 'and the element\'s CSS does not leak out');
  assert.equal(info.analysis, 'parallax/1');
  const analysis = await page.evaluate(() => window.__events.find((e) => e.type === 'parallax-analysis'));
  assert.equal(analysis.composed, true);
  assert.equal(analysis.target, 'parallax-compare', 'retargeted to the element: it crossed the shadow root');
  assert.equal(analysis.detail.articles, 3);

  // Clicking a sentence inside the shadow root: parallax-select reaches the document.
  await host.locator('.px-shared').first().click();
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'parallax-select'));
  const select = await page.evaluate(() => window.__events.find((e) => e.type === 'parallax-select'));
  assert.equal(select.composed, true);
  assert.ok(select.detail.text && select.detail.source, 'with the sentence and its source');
  await waitForTreatments(host);
  assert.equal(await host.locator('.px-treatment').count(), 2, 'the claim panel works inside the element');
  await screenshot(page, url.startsWith('file:') ? 'element-file' : 'element-http');

  // Setting the property replaces the children as the input.
  await page.click('#swap');
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'parallax-analysis').length >= 2, null, { timeout: 30000 });
  assert.deepEqual(await host.locator('.px-col-source').allTextContents(), ['Wire A', 'Wire B']);
  const csv = await page.evaluate(() => document.querySelector('parallax-compare').exportCSV());
  assert.match(csv, /^claim,label,support,independent,contested,Wire A,Wire B\r\n/);
  const violations = await page.evaluate(() => window.__cspViolations);
  assertStrict(log, violations, origin);
  await page.close();
}

test('<parallax-compare> from file://', async () => {
  await checkElement(ELEMENT_FILE, null);
});

test('<parallax-compare> over http at a sub-path, under the strict CSP', async () => {
  await checkElement(browser.server.base + '/web/examples/element.html', browser.server.origin);
});

test('iframe mode: the postMessage protocol', async () => {
  const { page, log } = await openPage(browser.context, browser.server.base + '/web/examples/iframe.html');
  await page.waitForFunction(() => (window.parallaxMessages || []).some((m) => m.type === 'analysis'), null, { timeout: 30000 });
  const messages = await page.evaluate(() => window.parallaxMessages.map((m) => ({ type: m.type, articles: m.articles, shared: m.shared,
    schema: m.report && m.report.schema })));
  assert.equal(messages[0].type, 'ready', 'the frame says when it is ready');
  const analysis = messages.find((m) => m.type === 'analysis');
  assert.equal(analysis.articles, 2);
  assert.ok(analysis.shared >= 1);
  assert.equal(analysis.schema, 'parallax/1', 'the analysis message carries the document');
  const frame = page.frameLocator('#frame');
  assert.equal(await frame.locator('.px-input-panel').isVisible(), false, 'embed mode shows the comparison only');
  await frame.locator('.px-shared').first().click();
  await page.waitForFunction(() => window.parallaxMessages.some((m) => m.type === 'select'));
  const select = await page.evaluate(() => window.parallaxMessages.find((m) => m.type === 'select'));
  assert.ok(select.text && select.source === 'Wire A' || select.source === 'Wire B', 'select names the sentence and the source');
  await page.click('#export');
  await page.waitForFunction(() => window.parallaxMessages.some((m) => m.type === 'export'));
  const exported = await page.evaluate(() => window.parallaxMessages.find((m) => m.type === 'export'));
  assert.equal(exported.format, 'csv');
  assert.match(exported.text, /^claim,label,support/);
  // Unknown messages get an error reply, not silence.
  await page.evaluate(() => document.getElementById('frame').contentWindow.postMessage({ parallax: 1, type: 'nope' }, location.origin));
  await page.waitForFunction(() => window.parallaxMessages.some((m) => m.type === 'error'));
  await screenshot(page, 'iframe');
  const violations = await page.evaluate(() => window.__cspViolations);
  assertStrict(log, violations, browser.server.origin);
  await page.close();
});

test('ES module API in a page: load, compare, match (learned), stance', async () => {
  const { page, log } = await openPage(browser.context, browser.server.base + '/web/examples/module.html');
  await page.waitForFunction(() => document.body.dataset.done, null, { timeout: 60000 });
  const out = await page.locator('#out').textContent();
  assert.equal(await page.evaluate(() => document.body.dataset.done), 'true', out);
  assert.match(out, /compare: 2 articles, [1-9]\d* shared claim/);
  assert.match(out, /match: same=(true|false) score=0?\.\d+|match: same=(true|false) score=[01]/);
  assert.match(out, /stance: (agree|disagree|discuss|unrelated)/);
  const violations = await page.evaluate(() => window.__cspViolations);
  assertStrict(log, violations, browser.server.origin);
  await page.close();
});
