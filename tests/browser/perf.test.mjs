// Measurements, not assertions on time (none here is a pass/fail threshold): drop to first results
// (article text on screen: the streamed "segmented" stage) and to complete render, and the longest
// main-thread task, for the five seed articles and for 100 FNC-1 bodies (read from ../shared/data at test time, skipped
// when absent), and the page weight: every file index.html loads (including the worker's and the
// lazily loaded learned resources), gzipped and summed. Figures print to stdout and go to
// test-output/perf.json. The page weight must stay under 3 MB gzipped (that one is asserted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  useBrowser, openPage, INDEX_URL, waitForColumns, screenshot, dropFiles, REPO, serveRepo,
} from './helpers.mjs';
import { fncBodiesByStory } from '../../scripts/bench-lib/datasets.mjs';

const DATA = join(REPO, '../shared/data');
const browser = useBrowser({ figuresFile: 'perf.json' });
const figures = browser.figures;

// Installed before the drop: "first results" = the first article text on screen (the streamed
// page's "segmented" stage, docs/viewer.md "Streaming"), and every long main-thread task.
function watchFirst() {
  const marks = { drop: null, first: null, longTasks: [] };
  window.__perf = marks;
  window.addEventListener('drop', () => { marks.drop ??= performance.now(); }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) marks.longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
  new MutationObserver(() => {
    if (marks.drop !== null && marks.first === null && document.querySelector('.px-grid .px-s')) marks.first = performance.now();
  }).observe(document.documentElement, { subtree: true, childList: true });
}

/** Drops files and measures: drop -> first text on screen -> complete render (and the app's own split). */
async function dropToRender(name, files) {
  const { page } = await openPage(browser.context, INDEX_URL + '?empty');
  await page.waitForFunction(() => window.ParallaxApp && window.ParallaxApp.engineMode); // engine warm, as after a page load
  await page.evaluate(watchFirst);
  const t0 = Date.now();
  await dropFiles(page, '#px-drop', files);
  await waitForColumns(page, files.length, 120000);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const wall = Date.now() - t0;
  const timing = (await page.evaluate(() => window.ParallaxApp.timings)).pop();
  const marks = await page.evaluate(() => window.__perf);
  const result = { articles: files.length, dropToRenderMs: wall, firstResultsMs: Math.round(marks.first - marks.drop),
    appFirstMs: Math.round(timing.firstMs), appDropToRenderMs: Math.round(timing.totalMs), engineMs: Math.round(timing.engineMs),
    renderMs: Math.round(timing.renderMs), longestTaskMs: Math.round(Math.max(0, ...marks.longTasks)),
    ribbons: await page.locator('.px-ribbons path').count() };
  figures[name] = result;
  console.log(`# drop-to-render ${name}: ${JSON.stringify(result)}`);
  await screenshot(page, `perf-${name}`);
  await page.close();
  return result;
}

test('drop to first render: the five seed articles', async (t) => {
  const dir = join(DATA, 'seeds');
  if (!existsSync(dir)) { t.skip(`${dir} is absent`); return; }
  const files = readdirSync(dir).filter((n) => /\.(txt|md|html?|json)$/i.test(n)).sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  const r = await dropToRender('seeds', files);
  assert.equal(r.articles, files.length);
});

test('drop to first render: 100 FNC-1 bodies', async (t) => {
  const bodies = fncBodiesByStory(DATA);
  if (!bodies) { t.skip('../shared/data/fnc1 is absent'); return; }
  const files = bodies.slice(0, 100).map((b, i) => ({ name: `${String(i).padStart(3, '0')}-${b.id}.txt`, bytes: Buffer.from(b.text) }));
  const r = await dropToRender('fnc-100', files);
  assert.equal(r.articles, 100);
});

test('page weight: everything the page loads, gzipped, is under 3 MB', async () => {
  const server = await serveRepo();
  try {
    const { page, log } = await openPage(browser.context, server.origin + '/index.html');
    await waitForColumns(page, 5);
    // Also what loads later: the learned matcher's resources (on the first match()).
    await page.evaluate(() => window.ParallaxApp.engine.match('a b c', 'a b d'));
    await page.waitForTimeout(200);
    const urls = [...new Set(log.requests.filter((u) => u.startsWith(server.origin + '/')))];
    const files = urls.map((u) => {
      const path = join(REPO, decodeURIComponent(new URL(u).pathname));
      const bytes = readFileSync(path);
      return { file: path.slice(REPO.length + 1), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    }).sort((a, b) => b.gzip - a.gzip);
    const total = files.reduce((n, f) => n + f.gzip, 0);
    const initial = files.filter((f) => !/resources\.js$/.test(f.file)).reduce((n, f) => n + f.gzip, 0);
    figures.pageWeight = { totalGzip: total, initialGzip: initial, files };
    console.log(`# page weight: ${(total / 1048576).toFixed(2)} MB gzipped in all (${(initial / 1048576).toFixed(2)} MB before the learned resources), ${files.length} files`);
    for (const f of files) console.log(`#   ${f.file}: ${f.bytes} bytes, ${f.gzip} gzipped`);
    assert.ok(files.some((f) => f.file === 'web/dist/parallax-core.js'), 'the engine is counted');
    assert.ok(total <= 3 * 1024 * 1024, `page weight ${total} bytes gzipped <= 3 MB`);
    await page.close();
  } finally {
    await server.close();
  }
});
