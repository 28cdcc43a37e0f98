// The streamed page (issue 6, docs/viewer.md "Streaming"), from file://: dropped articles show as
// columns of text before any claim is drawn, the stages arrive in order with a progress line, the
// final DOM is the one a non-streamed show() of the same report builds, Cancel in mid-stream leaves
// a usable page, and the longest main-thread task of a 100-article render is measured (printed,
// and written to test-output/stream.json; not a pass/fail threshold). Screenshots of a partial and
// of the finished page go to test-output/screenshots/stream-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  useBrowser, openPage, INDEX_URL, waitForColumns, screenshot, dropFiles, sampleFiles, foreignRequests, REPO,
} from './helpers.mjs';
import { fncBodiesByStory } from '../../scripts/bench-lib/datasets.mjs';

const DATA = join(REPO, '../shared/data');
const browser = useBrowser({ figuresFile: 'stream.json' });
const figures = browser.figures;

/** 100 FNC-1 bodies when ../shared/data has them, else the samples repeated (renamed) to 60 files. */
function manyArticles() {
  const bodies = fncBodiesByStory(DATA);
  if (bodies && bodies.length >= 100) {
    return { name: 'fnc-100', files: bodies.slice(0, 100).map((b, i) => ({ name: `${String(i).padStart(3, '0')}-${b.id}.txt`, bytes: Buffer.from(b.text) })) };
  }
  const samples = sampleFiles();
  const files = [];
  for (let i = 0; files.length < 60; i++) {
    const s = samples[i % samples.length];
    files.push({ name: `${String(i).padStart(3, '0')}-${s.name}`, bytes: s.bytes });
  }
  return { name: 'samples-60', files };
}

function seedFiles() {
  const dir = join(DATA, 'seeds');
  if (!existsSync(dir)) return null;
  return readdirSync(dir).filter((n) => /\.(txt|md|html?|json)$/i.test(n)).sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

// Installed in the page before the drop: when text columns and claims first appear, the stages
// seen (body[data-stage]) and the progress lines, and every long main-thread task (>= 50 ms).
function record() {
  const marks = { drop: null, columns: null, claims: null, stages: [], progress: [], longTasks: [] };
  window.__stream = marks;
  window.addEventListener('drop', () => { marks.drop ??= performance.now(); }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: false });
  } catch (e) { marks.longTasks = null; }
  const check = () => {
    if (marks.drop === null) return;
    const stage = document.body.dataset.stage;
    if (stage && marks.stages[marks.stages.length - 1] !== stage) marks.stages.push(stage);
    const progress = document.getElementById('px-progress');
    const line = progress && !progress.hidden ? document.getElementById('px-progress-text').textContent : '';
    if (line && marks.progress[marks.progress.length - 1] !== line) marks.progress.push(line);
    if (marks.columns === null && document.querySelector('.px-grid .px-s')) marks.columns = performance.now();
    if (marks.claims === null && document.querySelector('.px-grid .px-shared')) marks.claims = performance.now();
  };
  new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** An empty page, the stage recorder installed, `files` dropped: the run has started. */
async function openAndDrop(files) {
  const opened = await openPage(browser.context, INDEX_URL + '?empty');
  const { page } = opened;
  await page.waitForFunction(() => window.ParallaxApp && window.ParallaxApp.engineMode && document.body.dataset.state === 'empty');
  await page.evaluate(record);
  await dropFiles(page, '#px-drop', files);
  return opened;
}

test('streamed: columns of text first, then claims, then panels; the final DOM is the non-streamed one', async () => {
  const { name, files } = manyArticles();
  const { page, log } = await openAndDrop(files);
  // A partial stage on screen: text columns, progress line, Cancel available.
  await page.waitForFunction(() => window.__stream.columns !== null, null, { timeout: 60000, polling: 'raf' });
  const partial = await page.evaluate(() => ({
    stage: document.body.dataset.stage, busy: window.ParallaxApp.busy, state: document.body.dataset.state,
    progress: document.getElementById('px-progress-text').textContent,
    cancelVisible: !document.getElementById('px-cancel').closest('[hidden]'),
  }));
  await screenshot(page, `stream-partial-${name}`);
  await waitForColumns(page, files.length, 120000);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await screenshot(page, `stream-complete-${name}`);
  const marks = await page.evaluate(() => window.__stream);
  const timing = (await page.evaluate(() => window.ParallaxApp.timings)).pop();

  assert.equal(partial.busy, true, 'busy while streaming');
  assert.equal(partial.state, 'streaming');
  assert.ok(partial.cancelVisible, 'Cancel is available while streaming');
  assert.ok(['segmented', 'aligned', 'complete'].includes(partial.stage));
  assert.ok(marks.columns !== null && marks.claims !== null, 'text columns and claims both appeared');
  assert.ok(marks.columns < marks.claims, 'the columns appear before the claims');
  assert.equal(marks.stages[0], 'segmented', `stages seen: ${marks.stages}`);
  assert.equal(marks.stages[marks.stages.length - 1], 'complete');
  const order = ['segmented', 'aligned', 'complete'];
  assert.deepEqual([...marks.stages].sort((a, b) => order.indexOf(a) - order.indexOf(b)), marks.stages, 'stages in order');
  assert.ok(marks.progress.some((p) => /^Aligning \d+ articles…$/.test(p)), `progress lines: ${marks.progress}`);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(foreignRequests(log.requests), [], 'only file:// requests');

  // The same files through the non-streamed compare, shown by a fresh view: same report, same DOM.
  assert.equal((await page.evaluate(() => window.ParallaxApp.inputs)).length, files.length);
  const payload = files.map((f) => ({ name: f.name, data: Buffer.from(f.bytes).toString('base64') }));
  const check = await page.evaluate(async (items) => {
    const files = items.map((f) => {
      const binary = atob(f.data);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return { name: f.name, bytes };
    });
    const plain = await window.ParallaxApp.engine.compare(files, {});
    const host = document.createElement('div');
    document.body.appendChild(host);
    const other = new ParallaxView(host, { engine: window.ParallaxApp.engine, host });
    other.show(ParallaxModel.build(plain.report));
    const strip = (grid) => { const c = grid.cloneNode(true); c.querySelectorAll('svg').forEach((s) => s.remove()); return c.outerHTML; };
    const streamedView = window.ParallaxApp.view;
    const panels = (v) => ['matrix', 'contradictions', 'omissions', 'stance'].map((k) => v.panels[k].innerHTML.replace(new RegExp(v.uid, 'g'), 'UID'));
    const result = {
      sameReport: JSON.stringify(plain.report) === JSON.stringify(window.ParallaxApp.report),
      sameModel: JSON.stringify(ParallaxModel.build(plain.report)) === JSON.stringify(window.ParallaxApp.model),
      sameGrid: strip(other.grid) === strip(streamedView.grid),
      gridBytes: strip(streamedView.grid).length,
      samePanels: JSON.stringify(panels(other)) === JSON.stringify(panels(streamedView)),
      ribbons: streamedView.svg.childNodes.length,
      claims: window.ParallaxApp.model.stats.sharedClaims,
    };
    host.remove();
    return result;
  }, payload);
  assert.ok(check.sameReport, 'the streamed report is the non-streamed one');
  assert.ok(check.sameModel, 'the streamed model is the non-streamed one');
  assert.ok(check.sameGrid, 'the streamed grid DOM is the one show() builds');
  assert.ok(check.samePanels, 'the panels are the same');
  assert.ok(check.claims > 0);

  const longest = marks.longTasks ? Math.max(0, ...marks.longTasks.map((t) => t.duration)) : null;
  figures[name] = {
    articles: files.length, columnsMs: Math.round(marks.columns - marks.drop), claimsMs: Math.round(marks.claims - marks.drop),
    firstMs: Math.round(timing.firstMs), completeMs: Math.round(timing.totalMs), engineMs: Math.round(timing.engineMs),
    stagesArrivedMs: Object.fromEntries(Object.entries(timing.stages).map(([k, v]) => [k, Math.round(v)])),
    longestTaskMs: longest === null ? null : Math.round(longest), longTasks: marks.longTasks ? marks.longTasks.length : null,
    stagesSeen: marks.stages, progress: marks.progress, ribbons: check.ribbons,
  };
  console.log(`# streamed ${name}: ${JSON.stringify(figures[name])}`);
  await page.close();
});

test('streamed: Cancel in mid-stream leaves a usable page', async () => {
  const { name, files } = manyArticles();
  const { page, log } = await openAndDrop(files);
  // As soon as text columns are on screen (the segmented stage, or the aligned one if it
  // overtook), Cancel is pressed in the same animation frame: a click driven from the test
  // process can arrive after a small set has finished (then Cancel is hidden and the click waits
  // in vain), and the layout still moves while the columns come in.
  const stageAtCancel = await page.evaluate(() => new Promise((resolve, reject) => {
    const started = performance.now();
    (function poll() {
      if (window.__stream.columns !== null) {
        const stage = document.body.dataset.stage;
        const cancel = document.getElementById('px-cancel');
        if (cancel.offsetParent === null || cancel.disabled) { reject(new Error(`Cancel is not on screen at stage ${stage}`)); return; }
        cancel.click();
        resolve(stage);
      } else if (performance.now() - started > 60000) {
        reject(new Error('no columns within 60 s'));
      } else {
        requestAnimationFrame(poll);
      }
    })();
  }));
  const after = await page.evaluate(() => ({
    busy: window.ParallaxApp.busy, state: document.body.dataset.state, stage: window.ParallaxApp.stage,
    notice: document.querySelector('.px-notices').textContent,
    sentences: document.querySelectorAll('.px-grid .px-s').length,
    heads: document.querySelectorAll('.px-col-head').length,
    exportDisabled: document.getElementById('px-export-json').disabled,
    panel: document.querySelector('.px-panel--matrix').textContent,
  }));
  await screenshot(page, `stream-cancelled-${name}`);
  console.log(`# cancelled at stage ${stageAtCancel}, after: ${JSON.stringify({ state: after.state, stage: after.stage, sentences: after.sentences })}`);
  assert.equal(after.busy, false, 'not busy after Cancel');
  assert.match(after.notice, /Cancelled/);
  if (after.stage !== 'complete') {
    assert.equal(after.state, 'partial');
    assert.ok(after.exportDisabled, 'a partial comparison is not exported');
    assert.match(after.panel, /cancelled/);
  }
  assert.equal(after.heads, files.length, 'the columns stay');
  assert.ok(after.sentences > 0, 'their text stays readable');
  // The page still works: nothing more arrives from the cancelled run, and a new drop is compared.
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => document.body.dataset.state), after.state, 'the cancelled run draws nothing more');
  const seeds = seedFiles() || sampleFiles();
  await page.click('#px-clear');
  await dropFiles(page, '#px-drop', seeds);
  await waitForColumns(page, seeds.length, 60000);
  assert.ok(await page.evaluate(() => window.ParallaxApp.model.stats.sharedClaims > 0));
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});

test('streamed: the five seed articles', async (t) => {
  const files = seedFiles();
  if (!files) { t.skip('../shared/data/seeds is absent'); return; }
  const { page, log } = await openAndDrop(files);
  await waitForColumns(page, files.length, 60000);
  const marks = await page.evaluate(() => window.__stream);
  const timing = (await page.evaluate(() => window.ParallaxApp.timings)).pop();
  assert.equal(marks.stages[marks.stages.length - 1], 'complete');
  assert.ok(marks.columns <= marks.claims);
  figures.seeds = { articles: files.length, columnsMs: Math.round(marks.columns - marks.drop), firstMs: Math.round(timing.firstMs),
    completeMs: Math.round(timing.totalMs), engineMs: Math.round(timing.engineMs), stagesSeen: marks.stages,
    longestTaskMs: marks.longTasks ? Math.round(Math.max(0, ...marks.longTasks.map((x) => x.duration))) : null };
  console.log(`# streamed seeds: ${JSON.stringify(figures.seeds)}`);
  await screenshot(page, 'stream-seeds');
  assert.deepEqual(log.pageErrors, []);
  await page.close();
});
