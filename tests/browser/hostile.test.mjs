// A hostile HTML article must be shown as text: nothing in it runs, loads or opens a dialog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useBrowser, openPage, INDEX_URL, waitForColumns, screenshot, dropFiles, foreignRequests,
} from './helpers.mjs';

const browser = useBrowser();

const HOSTILE = `<!doctype html>
<html><head><title>Council approves &lt;script&gt; budget</title>
<script>window.__pwned = 'head script'; alert('head script ran');</script>
</head><body>
<h1>Council approves budget <img src="x" onerror="window.__pwned='img onerror';alert('img')"></h1>
<p>The council approved the harbour budget on Monday after a long debate about the ferry.</p>
<script>window.__pwned = 'body script'; document.title = 'PWNED';</script>
<p>Readers can <a href="javascript:window.__pwned='js link';alert('link')">click here</a> for the full text of the decision.</p>
<iframe src="javascript:parent.__pwned='iframe'" srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>
<svg onload="window.__pwned='svg';alert('svg')"><circle r="4"/></svg>
<p>Literal markup in the text: &lt;b onmouseover="alert(1)"&gt;bold&lt;/b&gt; and &lt;script&gt;alert(2)&lt;/script&gt; must stay text.</p>
<p>Remote image: <img src="http://198.51.100.7/track.gif" alt="tracker"> and a stylesheet link should never load.</p>
<link rel="stylesheet" href="http://198.51.100.7/evil.css">
</body></html>`;

const PLAIN = `Harbour budget approved

The council approved the harbour budget on Monday after a long debate about the ferry.

Councillors said the ferry timetable would be reviewed next year.`;

test('hostile HTML is rendered as inert text', async () => {
  const { page, log } = await openPage(browser.context, INDEX_URL + '?empty');
  await page.waitForFunction(() => window.ParallaxApp && document.body.dataset.state === 'empty');
  await dropFiles(page, '#px-drop', [
    { name: 'hostile.html', bytes: Buffer.from(HOSTILE), type: 'text/html' },
    { name: 'plain.txt', bytes: Buffer.from(PLAIN), type: 'text/plain' },
  ]);
  await waitForColumns(page, 2);
  // Give any injected handler a chance to fire.
  await page.mouse.move(400, 500);
  await page.waitForTimeout(500);

  const state = await page.evaluate(() => ({
    pwned: window.__pwned,
    title: document.title,
    iframes: document.querySelectorAll('iframe').length,
    svgs: document.querySelectorAll('.px-compare svg:not(.px-ribbons)').length,
    imgs: document.querySelectorAll('.px-compare img, .px-inputs img').length,
    scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
    jsLinks: [...document.querySelectorAll('a')].filter((a) => /^javascript:/i.test(a.getAttribute('href') || '')).length,
    elementsWithHandlers: [...document.querySelectorAll('*')].filter((e) =>
      [...e.attributes].some((a) => /^on/i.test(a.name))).length,
    text: document.querySelector('.px-compare').textContent,
  }));
  assert.equal(state.pwned, undefined, 'no hostile code ran');
  assert.deepEqual(log.dialogs, [], 'no dialog opened');
  assert.notEqual(state.title, 'PWNED');
  assert.equal(state.iframes, 0);
  assert.equal(state.svgs, 0);
  assert.equal(state.imgs, 0);
  assert.ok(state.scripts.every((src) => src && !/^(javascript|data|blob):/i.test(src)), 'only the page\'s own scripts');
  assert.equal(state.jsLinks, 0);
  assert.equal(state.elementsWithHandlers, 0, 'no inline event handler attributes anywhere');
  assert.ok(state.text.includes('approved the harbour budget'), 'article text is shown');
  assert.ok(!state.text.includes("window.__pwned = 'body script'"), 'script bodies are not shown as article text');
  assert.ok(state.text.includes('<b onmouseover="alert(1)">bold</b>') || state.text.includes('<script>alert(2)</script>'),
    'escaped markup in the article shows as literal text');
  assert.deepEqual(foreignRequests(log.requests), [], 'nothing was fetched from the network');
  assert.deepEqual(log.pageErrors, []);
  await screenshot(page, 'hostile');
  await page.close();
});
