// The page benchmark of scripts/bench (--page): index.html from file:// in Debian's Chromium
// (playwright-core, the browser tests' launcher), files dropped on it, and two times measured
// inside the page from the drop event:
//   first    the first article text is on screen (a sentence in the comparison grid): with the
//            streamed page, the first slice of the "segmented" stage (docs/viewer.md "Streaming")
//   complete the comparison is done: state "ready", not busy, one column head per article.
// and the longest main-thread task between the two ends (PerformanceObserver 'longtask': tasks of
// 50 ms or more; 0 when there was none).
// Each run is a fresh page (the engine is loaded and idle before the drop).
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { INDEX_URL, dropFiles, launch, missingPrerequisite, openPage } from '../../tests/browser/helpers.mjs';

/** Why the page benchmark cannot run, or null. */
export function pageUnavailable() {
  return missingPrerequisite();
}

// Installed before the drop: records performance.now() at the drop and at both milestones.
function watchRender(articles) {
  const marks = { drop: null, first: null, complete: null, longTasks: [] };
  window.__benchMarks = marks;
  window.addEventListener('drop', () => { marks.drop ??= performance.now(); }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) marks.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  const check = () => {
    if (marks.drop === null) return;
    const heads = document.querySelectorAll('.px-col-head').length;
    if (marks.first === null && document.querySelector('.px-grid .px-s')) marks.first = performance.now();
    if (marks.complete === null && heads === articles && document.body.dataset.state === 'ready' &&
        window.ParallaxApp && !window.ParallaxApp.busy) {
      marks.complete = performance.now();
    }
  };
  new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, attributes: true });
}

/** Median first/complete render times and longest task (ms) of `runs` drops of `files` (paths). */
export async function benchPage(files, runs, timeoutMs = 120000) {
  const payload = files.filter(existsSync).map((path) => ({ name: basename(path), bytes: readFileSync(path) }));
  const browser = await launch();
  const first = [];
  const complete = [];
  const longest = [];
  try {
    for (let r = 0; r < runs; r++) {
      const { page } = await openPage(browser.context, INDEX_URL + '?empty');
      await page.waitForFunction(() => window.ParallaxApp && document.body.dataset.state === 'empty' && !window.ParallaxApp.busy,
        null, { timeout: timeoutMs });
      await page.evaluate(watchRender, payload.length);
      await dropFiles(page, '#px-drop', payload);
      await page.waitForFunction(() => window.__benchMarks.complete !== null, null, { timeout: timeoutMs, polling: 50 });
      const marks = await page.evaluate(() => window.__benchMarks);
      first.push(marks.first - marks.drop);
      complete.push(marks.complete - marks.drop);
      const during = marks.longTasks.filter((t) => t.start + t.duration >= marks.drop && t.start <= marks.complete);
      longest.push(Math.max(0, ...during.map((t) => t.duration)));
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
  return { firstMs: median(first), completeMs: median(complete), longestTaskMs: median(longest) };
}
