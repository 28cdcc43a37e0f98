// <parallax-compare> shows the report's notices (refused files, by name) inside its shadow root, as
// text, in the page's words and classes; fires parallax-notices once per change; notices="hidden"
// hides them and notices="collapsed" keeps only the summary line. The element runs in the example
// host page (file://), next to its demo element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useBrowser, openPage, SCREENSHOTS, REPO, oldWordnetResourcesScript } from './helpers.mjs';

const browser = useBrowser({ server: {} });

const ELEMENT_FILE = pathToFileURL(join(REPO, 'web/examples/element.html')).href;
const HOSTILE = '<img src=x onerror=alert(1)>.txt';

/** What the test element's shadow root shows of its notices. */
function shown(page) {
  return page.evaluate(() => {
    const root = document.getElementById('bad').shadowRoot;
    const box = root.querySelector('.px-element-notices');
    const visible = (node) => !!node && node.checkVisibility() && node.getClientRects().length > 0;
    return {
      part: box.getAttribute('part'),
      tag: box.localName,
      boxVisible: visible(box),
      open: box.open,
      summary: box.querySelector('summary').textContent,
      summaryVisible: visible(box.querySelector('summary')),
      notices: [...box.querySelectorAll('.px-notice')].map((n) => ({
        className: n.className, role: n.getAttribute('role'), text: n.textContent,
        title: n.querySelector('.px-notice-title').textContent, visible: visible(n),
      })),
      markup: root.querySelectorAll('.px-element-notices img, .px-element-notices *:not(summary):not(div):not(strong):not(span)').length,
      images: root.querySelectorAll('img').length,
      columns: [...root.querySelectorAll('.px-col-source')].map((e) => e.textContent),
    };
  });
}

const noticeEvents = (page) => page.evaluate(() => window.__notices);

test('<parallax-compare> shows refused files as notices, as text, and tells the host once', async () => {
  const { page, log } = await openPage(browser.context);
  await page.addInitScript(() => {
    window.__notices = [];
    window.__analyses = 0;
    document.addEventListener('parallax-notices', (e) => {
      if (e.target.id === 'bad') window.__notices.push({ composed: e.composed, bubbles: e.bubbles, notices: e.detail.notices });
    });
    document.addEventListener('parallax-analysis', (e) => { if (e.target.id === 'bad') window.__analyses++; });
  });
  await page.goto(ELEMENT_FILE);
  await page.evaluate((hostile) => {
    const binary = new Uint8Array(400);
    for (let i = 0; i < binary.length; i++) binary[i] = i % 5 === 0 ? 0 : (i * 37) & 0xff;
    const el = document.createElement('parallax-compare');
    el.id = 'bad';
    el.setAttribute('height', '260px');
    el.articles = [
      { name: 'harbour.txt', source: 'Harbour Times', text: 'Ferry strike ends\n\nThe ferry strike ended on Tuesday after the operator agreed to hire twelve more crew.\n\nServices resume on Wednesday.' },
      { name: hostile, bytes: binary },
      { name: 'empty.txt', text: '' },
    ];
    document.querySelector('main').prepend(el);
  }, HOSTILE);
  await page.waitForFunction(() => window.__analyses >= 1 && window.__notices.length >= 1, null, { timeout: 30000 });

  let view = await shown(page);
  assert.deepEqual(view.columns, ['Harbour Times'], 'the good article is compared');
  assert.equal(view.part, 'notices', 'a part name for the CMS');
  assert.equal(view.tag, 'details', 'collapsible');
  assert.equal(view.boxVisible, true);
  assert.equal(view.open, true, 'open by default');
  assert.equal(view.summary, 'Notices: 2 errors, 1 warning');
  assert.equal(view.notices.length, 3, JSON.stringify(view.notices));
  const [binary, empty, single] = view.notices;
  assert.equal(binary.title, HOSTILE + ': ', 'the file name appears literally, as text');
  assert.equal(binary.className, 'px-notice px-notice-error', 'the page\'s classes');
  assert.equal(binary.role, 'alert');
  assert.match(binary.text, /binary/i);
  assert.ok(binary.visible);
  assert.equal(empty.title, 'empty.txt: ');
  assert.match(empty.text, /empty/i);
  assert.equal(single.className, 'px-notice px-notice-warning', 'and the core\'s warning that one article is left');
  assert.equal(single.title, 'harbour.txt: ');
  assert.equal(view.images, 0, 'no markup from the file name');
  assert.equal(view.markup, 0, 'only the notice boxes\' own elements');
  assert.deepEqual(log.dialogs, [], 'no onerror ran');

  const events = await noticeEvents(page);
  assert.equal(events.length, 1, 'parallax-notices fired once');
  assert.equal(events[0].composed, true);
  assert.equal(events[0].bubbles, true);
  assert.deepEqual(events[0].notices.map((n) => [n.file, n.code, n.severity, n.title]), [
    [HOSTILE, 'binary_input', 'error', HOSTILE + ':'],
    ['empty.txt', 'empty_input', 'error', 'empty.txt:'],
    ['harbour.txt', 'single_article', 'warning', 'harbour.txt:'],
  ]);
  assert.equal(events[0].notices[0].message, binary.text.slice(binary.title.length), 'the event says what the element shows');
  await page.locator('#bad').scrollIntoViewIfNeeded();
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.locator('#bad').screenshot({ path: join(SCREENSHOTS, 'element-notices.png') });

  // The same inputs again: same notices, no new event.
  await page.evaluate(() => document.getElementById('bad').compare());
  assert.equal((await noticeEvents(page)).length, 1, 'no event when nothing changed');

  // notices="hidden": nothing shown; "collapsed": the summary only; removed: open again.
  await page.evaluate(() => document.getElementById('bad').setAttribute('notices', 'hidden'));
  view = await shown(page);
  assert.equal(view.boxVisible, false, 'hidden');
  assert.ok(view.notices.every((n) => !n.visible));
  await page.evaluate(() => document.getElementById('bad').setAttribute('notices', 'collapsed'));
  view = await shown(page);
  assert.equal(view.summaryVisible, true, 'collapsed: the summary line');
  assert.ok(view.notices.every((n) => !n.visible), 'collapsed: not the boxes');
  await page.locator('#bad').locator('.px-element-notices-summary').click();
  view = await shown(page);
  assert.ok(view.notices.every((n) => n.visible), 'the reader can open it');
  await page.evaluate(() => document.getElementById('bad').removeAttribute('notices'));
  view = await shown(page);
  assert.equal(view.open, true);
  assert.ok(view.notices.every((n) => n.visible));
  assert.equal((await noticeEvents(page)).length, 1, 'display changes fire nothing');

  // Good inputs only: the notices go, and the host is told (an empty list).
  await page.evaluate(() => {
    document.getElementById('bad').articles = [
      { name: 'a.txt', text: 'The ferry strike ended on Tuesday after the operator agreed to hire twelve more crew.' },
      { name: 'b.txt', text: 'The strike ended on Tuesday when the operator agreed to hire twelve more crew, the union said.' },
    ];
  });
  await page.waitForFunction(() => window.__notices.length >= 2, null, { timeout: 30000 });
  assert.deepEqual((await noticeEvents(page))[1].notices, []);
  view = await shown(page);
  assert.equal(view.boxVisible, false, 'no notices: nothing shown');
  assert.equal(view.columns.length, 2);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await page.close();
});

test('<parallax-compare> shows the engine\'s resource warnings (an old WordNet), once, as text', async () => {
  const { page, log } = await openPage(browser.context);
  const body = oldWordnetResourcesScript();
  await page.route('**/web/dist/resources.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body }));
  await page.addInitScript(() => {
    window.__notices = [];
    document.addEventListener('parallax-notices', (e) => { if (e.target.id === 'bad') window.__notices.push(e.detail.notices); });
  });
  await page.goto(browser.server.base + '/web/examples/element.html');
  await page.evaluate(() => {
    const el = document.createElement('parallax-compare');
    el.id = 'bad';
    el.setAttribute('matcher', 'learned');
    el.articles = [
      { name: 'a.txt', text: 'The ferry strike ended on Tuesday after the operator agreed to hire twelve more crew.' },
      { name: 'b.txt', text: 'The strike ended on Tuesday when the operator agreed to hire twelve more crew, the union said.' },
    ];
    document.querySelector('main').prepend(el);
  });
  await page.waitForFunction(() => window.__notices.some((list) => list.some((n) => n.code === 'resource_warning')), null, { timeout: 60000 });
  const events = await page.evaluate(() => window.__notices);
  assert.equal(events.length, 1, 'one event');
  assert.deepEqual(events[0].map((n) => [n.file, n.code, n.severity, n.title]), [['', 'resource_warning', 'warning', 'Resources.']]);
  assert.match(events[0][0].message, /^Resource wordnet-en\.bin: .*no parts of speech/);
  const texts = await page.locator('#bad').locator('.px-element-notices .px-notice').allTextContents();
  assert.deepEqual(texts, ['Resources. ' + events[0][0].message], 'shown in the page\'s words');
  assert.equal(await page.locator('#bad').locator('.px-element-notices-summary').textContent(), 'Notices: 1 warning');
  // Another run keeps the one notice and fires nothing new.
  await page.evaluate(() => document.getElementById('bad').compare());
  assert.equal(await page.locator('#bad').locator('.px-element-notices .px-notice').count(), 1);
  assert.equal((await page.evaluate(() => window.__notices)).length, 1);
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});
