// The page benchmark of scripts/bench (--page): index.html from file:// in Debian's Chromium
// (playwright-core, the browser tests' launcher), files dropped on it, and two times measured
// inside the page from the drop event:
//   first    the first comparison column is in the DOM (first results visible)
//   complete the comparison is done: state "ready", not busy, one column head per article.
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
  const marks = { drop: null, first: null, complete: null };
  window.__benchMarks = marks;
  window.addEventListener('drop', () => { marks.drop ??= performance.now(); }, true);
  const check = () => {
    if (marks.drop === null) return;
    const heads = document.querySelectorAll('.px-col-head').length;
    if (marks.first === null && heads > 0) marks.first = performance.now();
    if (marks.complete === null && heads === articles && document.body.dataset.state === 'ready' &&
        window.ParallaxApp && !window.ParallaxApp.busy) {
      marks.complete = performance.now();
    }
  };
  new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, attributes: true });
}

/** Median first/complete render times (ms) of `runs` drops of `files` (paths). */
export async function benchPage(files, runs, timeoutMs = 120000) {
  const payload = files.filter(existsSync).map((path) => ({ name: basename(path), bytes: readFileSync(path) }));
  const browser = await launch();
  const first = [];
  const complete = [];
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
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)];
  return { firstMs: median(first), completeMs: median(complete) };
}
