// Shared helpers for the node:test suites of the WebAssembly API.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cli = join(root, 'build', 'native', 'parallax');
export const coreJs = join(root, 'build', 'wasm', 'parallax-core.js');
export const seedsDir = join(root, '..', 'shared', 'data', 'seeds');
export const haveSeeds = existsSync(seedsDir);

/** Runs the native CLI; returns {status, stdout, stderr} without throwing. */
export function runCli(args, input) {
  const r = spawnSync(cli, args, { input: input ?? '', encoding: 'utf8', maxBuffer: 256 << 20, timeout: 120000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Every temp dir a test file makes is removed when its process exits (node --test runs each
// file in a process of its own), so runs leave nothing behind in the system's temp dir.
const tempDirs = [];
process.on('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory under the system's temp dir, removed when the test process exits. */
export function tempDir(prefix = 'parallax-node-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Writes files ({name: string|Uint8Array}) into a fresh temp dir; returns their paths. */
export function writeTempFiles(files) {
  const dir = tempDir();
  return Object.entries(files).map(([name, content]) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  });
}

/** The WordNet bytes as an old file looks: the fifth section (parts of speech) cut off, its size
 *  field (uint32 LE at byte 48) zeroed, the version byte (4) set to 1 (as tests/core/align/
 *  matcher_resources.h does). Shared by the resource-warning tests of tests/node and tests/browser. */
export function wordnetAsVersion1(bytes) {
  const posBytes = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(48, true);
  if (!(posBytes > 0 && posBytes < bytes.length)) throw new Error('the WordNet given has no parts-of-speech section');
  const old = Uint8Array.from(bytes.subarray(0, bytes.length - posBytes));
  old[4] = 1;
  old.fill(0, 48, 52);
  return old;
}

/** Test inputs written for these tests: every kind of file and encoding the core reads. */
export function tricky_inputs() {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ferry service resumes\n\nThe ferry to Oskel island resumed on Tuesday after repairs.\n', 'utf16le')]);
  const cp1252 = Buffer.from([
    ...Buffer.from('Caf'), 0xe9, ...Buffer.from(' owners cheer ferry\n\n'), 0x93,
    ...Buffer.from('The ferry to Oskel island resumed on Tuesday,'), 0x94,
    ...Buffer.from(' said the harbour master.\n'),
  ]);
  return {
    'ferry-times.txt': 'Ferry returns to Oskel\n\nThe ferry to Oskel island resumed on Tuesday after two weeks of repairs.\nTickets cost 12 euros, up from 10.\n\nShare this article\n',
    'island-news.md': '# Oskel ferry back\n\nThe ferry to Oskel island resumed on Tuesday after repairs lasting two weeks.\n\n- Tickets now cost 14 euros\n- Sailings twice a day\n\n| Day | Sailings |\n|---|---|\n| Mon | 2 |\n',
    'coast.html': '<!doctype html><html><head><title>Oskel ferry</title><script>globalThis.pwned=1</script></head><body><nav>Home | News</nav><article><h1>Oskel ferry sails again</h1><p>The ferry to Oskel island resumed on Tuesday &amp; locals cheered.</p><p><img src=x onerror="globalThis.pwned=2">Repairs took two weeks.</p></article><footer>© 2026 Coast Media</footer></body></html>',
    'digest.json': JSON.stringify([
      { title: 'Island digest', source: 'Digest', text: 'The ferry to Oskel island resumed on Tuesday.\n\nFishers welcomed it.' },
      { title: 'Weather', source: 'Digest', text: 'Storms are expected on the coast next week.' },
    ]),
    'utf16.txt': utf16,
    'cp1252.txt': cp1252,
    'broken-utf8.txt': Buffer.concat([Buffer.from('The ferry to Oskel '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' island resumed on Tuesday.\n')]),
  };
}
