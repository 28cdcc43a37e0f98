// Shared helpers for the browser tests (node:test + playwright-core, Debian's Chromium).
// Not a test file itself (node --test only runs *.test.mjs here).
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import { dirname, join, resolve, extname, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { wordnetAsVersion1 } from '../node/helpers.mjs';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const INDEX_URL = pathToFileURL(join(REPO, 'index.html')).href;
export const SCREENSHOTS = join(REPO, 'test-output/screenshots');
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
export const CHROMIUM = process.env.PARALLAX_CHROMIUM || '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Why the browser suite cannot run here, or null. */
export function missingPrerequisite() {
  if (!existsSync(CHROMIUM)) return `Chromium not found at ${CHROMIUM}`;
  for (const f of ['web/dist/parallax-core.js', 'web/dist/worker-bundle.js', 'web/dist/samples.js', 'web/dist/parallax-element.js']) {
    if (!existsSync(join(REPO, f))) return `${f} is missing: run \`node scripts/build-web.mjs\` after building the engine`;
  }
  return null;
}

/** Launches Chromium with a fresh profile. Returns {context, close}. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'parallax-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One Chromium for a test file: launched before its tests (the file fails with the reason when
 * Chromium or the built page is missing) and closed after them. `browser.context` is the launched
 * context. With `figuresFile`, `browser.figures` (an object the tests fill) is written to
 * test-output/<figuresFile> at the end. With `server` (serveRepo's options), the repository is
 * also served over http during the file: `browser.server`.
 */
export function useBrowser({ figuresFile = null, server = null } = {}) {
  let launched = null;
  const handle = {
    figures: {},
    server: null,
    get context() {
      return launched.context;
    },
  };
  before(async () => {
    const missing = missingPrerequisite();
    if (missing) throw new Error(missing);
    launched = await launch();
    if (server) handle.server = await serveRepo(server);
  });
  after(async () => {
    await launched?.close();
    await handle.server?.close();
    if (figuresFile) {
      mkdirSync(join(REPO, 'test-output'), { recursive: true });
      writeFileSync(join(REPO, 'test-output', figuresFile), JSON.stringify(handle.figures, null, 2) + '\n');
    }
  });
  return handle;
}

/**
 * Opens a page and records what could go wrong on it: every request URL, console errors,
 * page errors, dialogs (dismissed), browser log errors (page and workers, via CDP), and CSP
 * violations (collected in the page by an init script as window.__cspViolations).
 */
export async function openPage(context, url) {
  const page = await context.newPage();
  const log = { requests: [], consoleErrors: [], pageErrors: [], dialogs: [], browserErrors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') log.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  page.on('dialog', (d) => { log.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('worker', (w) => {
    w.on('console', (m) => { if (m.type() === 'error') log.consoleErrors.push('[worker] ' + m.text()); });
  });
  // Browser-side log entries, including the worker's (a CSP refusal inside a worker shows up only
  // here: neither the page's securitypolicyviolation event nor page.on('console') sees it).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Log.enable');
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error') log.browserErrors.push(`${entry.source}: ${entry.text.slice(0, 300)}`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (url) await page.goto(url);
  return { page, log };
}

/** Waits until the app finished a comparison (or showed a run error) and is not busy. */
export async function waitForIdle(page, timeout = 30000) {
  await page.waitForFunction(
    () => window.ParallaxApp && !window.ParallaxApp.busy &&
      (document.body.dataset.state === 'ready' || document.querySelector('.px-notices .px-notice')),
    null,
    { timeout }
  );
}

/** Waits for a finished comparison with `articles` columns. */
export async function waitForColumns(page, articles, timeout = 30000) {
  await page.waitForFunction(
    (n) => window.ParallaxApp && !window.ParallaxApp.busy && document.body.dataset.state === 'ready' &&
      document.querySelectorAll('.px-col-head').length === n,
    articles,
    { timeout }
  );
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, name + '.png') });
}

/** A temp dir for generated inputs; removed by the returned cleanup. */
export function tempDir(prefix = 'parallax-inputs-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Drops files on `selector` with a real DataTransfer built in the page.
 * files: [{name, bytes: Buffer|Uint8Array, type?}]
 */
export async function dropFiles(page, selector, files) {
  const payload = files.map((f) => ({ name: f.name, type: f.type || '', data: Buffer.from(f.bytes).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const binary = atob(item.data);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      dt.items.add(new File([bytes], item.name, { type: item.type }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
  await dataTransfer.dispose();
}

/** The sample articles, read from samples/ (the repository's own inputs, not shared data). */
export function sampleFiles() {
  const dir = join(REPO, 'samples');
  return ['civic-pulse.json', 'kestrel-gazette.html', 'northwire-wire.txt', 'riverside-radio.txt', 'valley-herald.md']
    .filter((n) => existsSync(join(dir, n)))
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.md': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml' };

/**
 * A tiny static server for the repository on 127.0.0.1 (random port) that sends the strict CSP
 * on every response. Resolves to {origin, close}.
 */
export function serveRepo({ prefix = '' } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    // With a prefix ("/news/tools/parallax") the repository is only reachable below it, as on a
    // sub-path of a static host; anything else is a 404.
    let pathname = decodeURIComponent(url.pathname);
    if (prefix) pathname = pathname.startsWith(prefix + '/') ? pathname.slice(prefix.length) : '/\u0000';
    const path = resolve(REPO, '.' + pathname);
    if (!(path === REPO || path.startsWith(REPO + sep)) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404, { 'Content-Security-Policy': CSP, 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(path)] || 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-store',
    });
    res.end(readFileSync(path));
  });
  return new Promise((resolvePromise) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolvePromise({
        origin: `http://127.0.0.1:${port}`,
        base: `http://127.0.0.1:${port}${prefix}`,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
      });
    });
  });
}

/** Requests that left the page's own origin (file:// or the given http origin). */
export function foreignRequests(requests, origin) {
  return requests.filter((u) => {
    if (u.startsWith('file://') || u.startsWith('blob:') || u.startsWith('data:')) return false;
    if (origin && u.startsWith(origin + '/')) return false;
    return true;
  });
}

export const FIXTURES = join(REPO, 'tests/browser/fixtures');

/** Waits for the view's "This claim" panel to finish asking the engine about every source. */
export async function waitForTreatments(root, timeout = 30000) {
  await root.locator('.px-panel--claim[data-done="true"]').waitFor({ state: 'attached', timeout });
}

/**
 * web/dist/resources.js with the WordNet as format version 1, which the core reads with a warning
 * ("no parts of speech"): for the resource-warning tests (page and element), served by page.route.
 */
export function oldWordnetResourcesScript() {
  const list = ['wordnet-en.bin', 'news-lexicon.bin', 'matcher-v1.json', 'stance-v1.json'].map((name) => {
    let bytes = readFileSync(join(REPO, 'resources', name));
    if (name === 'wordnet-en.bin') bytes = Buffer.from(wordnetAsVersion1(bytes));
    return `{ name: ${JSON.stringify(name)}, base64: "${bytes.toString('base64')}" }`;
  });
  return `var PARALLAX_RESOURCES = [\n${list.join(',\n')}\n];\n`;
}
