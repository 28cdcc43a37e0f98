#!/usr/bin/env node
// scripts/serve.mjs: a tiny static file server for local use (scripts/start.sh runs it).
//
//   node scripts/serve.mjs [--root DIR] [--port N] [--host H] [--page PATH] [--open]
//
// Serves DIR (default: the repository root) on http://127.0.0.1, on port N when given
// (an error if it is taken; 0 = any free port, for tests), otherwise on the first free
// port from 8080. The first line printed is `[serve] serving DIR on http://HOST:PORT/`.
// Only GET/HEAD; no directory listings (a directory serves its index.html); nothing outside
// DIR is reachable (no `..`, no symlinks leading out). Every response carries the page's
// Content-Security-Policy, so what works here also works under the strict policy.
// --page names the page to announce (default index.html); `/` redirects to it when
// DIR has no index.html. --open starts xdg-open on that page. Ctrl-C stops the server.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json',
};

function parseArgs(argv) {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const opts = { root: repoRoot, port: null, host: '127.0.0.1', page: 'index.html', open: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--root') opts.root = path.resolve(value());
    else if (a === '--port') {
      const v = value();
      opts.port = Number(v);
      if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) fail(`bad port: ${v}`);
    } else if (a === '--host') opts.host = value();
    else if (a === '--page') opts.page = value().replace(/^\/+/, '');
    else if (a === '--open') opts.open = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node scripts/serve.mjs [--root DIR] [--port N] [--host H] [--page PATH] [--open]');
      process.exit(0);
    } else fail(`unknown argument: ${a}`);
  }
  return opts;
}

function fail(message) {
  console.error(`[serve] error: ${message}`);
  process.exit(2);
}

const opts = parseArgs(process.argv.slice(2));
let rootReal;
try {
  rootReal = fs.realpathSync(opts.root);
} catch {
  fail(`no such directory: ${opts.root}`);
}

function isInside(p) {
  return p === rootReal || p.startsWith(rootReal + path.sep);
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

// resolveFile: the real path of the file a URL path names, or null (missing / outside).
function resolveFile(urlPath) {
  const candidate = path.resolve(rootReal, '.' + path.posix.normalize('/' + urlPath));
  if (!isInside(candidate)) return null;
  let real;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return null;
  }
  if (!isInside(real)) return null; // a symlink pointing out of the root
  let stat = fs.statSync(real);
  if (stat.isDirectory()) {
    real = path.join(real, 'index.html');
    try {
      stat = fs.statSync(real);
    } catch {
      return null;
    }
  }
  return stat.isFile() ? { file: real, stat } : null;
}

function handle(req, res) {
  // Every response, errors included, carries the policy.
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-store'); // always the freshly built files
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
  }
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Bad Request\n');
  }
  if (urlPath.includes('\0') || urlPath.includes('\\')) return send(res, 400, 'Bad Request\n');
  if (urlPath.split('/').includes('..')) return send(res, 403, 'Forbidden\n');
  if (urlPath === '/' && !fs.existsSync(path.join(rootReal, 'index.html'))) {
    return send(res, 302, `See /${opts.page}\n`, { Location: '/' + opts.page });
  }
  const found = resolveFile(urlPath);
  if (!found) {
    // Browsers ask for /favicon.ico by themselves: answer "no content", not a console 404.
    if (urlPath === '/favicon.ico') return send(res, 204, '');
    return send(res, 404, 'Not Found\n');
  }
  // A directory URL without its trailing slash: redirect so relative links resolve.
  if (!urlPath.endsWith('/') && path.basename(found.file) === 'index.html' &&
      path.basename(urlPath) !== 'index.html') {
    return send(res, 301, 'Moved\n', { Location: urlPath + '/' });
  }
  const type = MIME[path.extname(found.file).toLowerCase()] || 'application/octet-stream';
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': found.stat.size });
  if (req.method === 'HEAD') return res.end();
  fs.createReadStream(found.file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function listen(port, lastPort) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handle);
    server.once('error', (err) => {
      if (err.code === 'EADDRINUSE' && port < lastPort) resolve(listen(port + 1, lastPort));
      else reject(err);
    });
    server.listen(port, opts.host, () => resolve(server));
  });
}

let server;
try {
  server = opts.port !== null ? await listen(opts.port, opts.port) : await listen(8080, 8180);
} catch (err) {
  fail(err.code === 'EADDRINUSE'
    ? `port ${opts.port ?? '8080-8180'} is in use on ${opts.host} (try --port N)`
    : err.message);
}

const { port } = server.address();
const hostForUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
const pageUrl = `http://${hostForUrl}:${port}/${opts.page}`;
const pageFile = path.join(rootReal, opts.page);
console.log(`[serve] serving ${rootReal} on http://${hostForUrl}:${port}/`);
console.log(`[serve] open:            ${pageUrl}`);
console.log(`[serve] or from disk:    ${pathToFileURL(pageFile).href}`);
if (!fs.existsSync(pageFile)) console.log(`[serve] note: ${opts.page} does not exist yet`);
console.log('[serve] press Ctrl-C to stop');

if (opts.open) {
  try {
    const child = spawn('xdg-open', [pageUrl], { stdio: 'ignore', detached: true });
    child.on('error', (err) => console.error(`[serve] could not run xdg-open: ${err.message}`));
    child.unref();
  } catch (err) {
    console.error(`[serve] could not run xdg-open: ${err.message}`);
  }
}

function stop(signal) {
  console.log(`\n[serve] ${signal}: stopping`);
  server.close(() => process.exit(0));
  server.closeAllConnections?.();
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
