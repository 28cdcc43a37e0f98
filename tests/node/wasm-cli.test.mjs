// node:test suite for the WASM command line (wasm/cli.cjs): the native CLI's bytes for the same
// files and directories, whatever the compile tier; usage errors and unreadable files as the
// native CLI reports them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { root, runCli, writeTempFiles, tricky_inputs, seedsDir, haveSeeds } from './helpers.mjs';

const wasmCli = join(root, 'wasm', 'cli.cjs');

function runWasmCli(args) {
  const r = spawnSync(process.execPath, [wasmCli, ...args], { encoding: 'utf8', maxBuffer: 256 << 20, timeout: 120000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertSameBytes(args) {
  const native = runCli(['compare', '--json', ...args]);
  assert.equal(native.status, 0, native.stderr);
  for (const tier of ['baseline', 'optimizing', 'auto']) {
    const wasm = runWasmCli(['compare', '--json', '--tier', tier, ...args]);
    assert.equal(wasm.status, 0, wasm.stderr);
    assert.ok(wasm.stdout === native.stdout, `tier ${tier}: the WASM CLI's JSON differs from the native CLI's`);
  }
}

test('the WASM CLI prints the native bytes for files of every format, at every tier', () => {
  assertSameBytes(writeTempFiles(tricky_inputs()));
});

test('the WASM CLI reads a directory like the native CLI (one level, article types, sorted)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-wasm-cli-'));
  const files = tricky_inputs();
  // Written in reverse order: the listing order must come from sorting, not from creation.
  for (const name of Object.keys(files).reverse()) writeFileSync(join(dir, name), files[name]);
  writeFileSync(join(dir, 'notes.docx'), 'not an article type');
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'nested', 'deeper.txt'), 'The ferry to Oskel island resumed on Tuesday.');
  assertSameBytes([dir]);
  const doc = JSON.parse(runWasmCli(['compare', dir]).stdout);
  const names = doc.articles.map((a) => a.name.replace(/#\d+$/, ''));
  assert.deepEqual([...new Set(names)], [...new Set(names)].sort());
  assert.ok(!names.includes('deeper.txt') && !names.includes('notes.docx'));
});

test('the WASM CLI prints the native bytes for the seed articles', { skip: !haveSeeds && 'shared/data/seeds is absent' }, () => {
  assertSameBytes([seedsDir]);
});

test('the WASM CLI with options and the learned matcher gives the native bytes', () => {
  const dir = join(root, 'samples');
  const paths = readdirSync(dir).filter((n) => n !== 'README.md').map((n) => join(dir, n));
  assertSameBytes(['--options', '{"matchThreshold":0.3}', ...paths]);
  assertSameBytes(['--options', '{"matcher":"learned"}', ...paths]);
});

test('auto picks the baseline tier for small inputs and reports timing on request', () => {
  const r = runWasmCli(['compare', '--timing', ...writeTempFiles(tricky_inputs())]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^compute-ms \d+(\.\d+)?$/m);
  assert.match(r.stderr, /^tier baseline$/m);
  // 1.2 MiB of text: above the threshold, V8 may optimise.
  const big = writeTempFiles({ 'big.txt': 'The ferry to Oskel island resumed on Tuesday after repairs.\n\n'.repeat(20000) });
  const rb = runWasmCli(['compare', '--timing', ...big]);
  assert.equal(rb.status, 0, rb.stderr);
  assert.match(rb.stderr, /^tier optimizing$/m);
});

test('the WASM CLI reports bad usage with status 2 and bad inputs with status 1', () => {
  const paths = writeTempFiles(tricky_inputs());
  for (const args of [[], ['compare'], ['compare', '--tier', 'fast', ...paths], ['compare', '--options', '{"x":', ...paths],
    ['compare', '--options', '{"matchThreshold":"high"}', ...paths], ['compare', '--bogus', ...paths], ['merge', ...paths]]) {
    const r = runWasmCli(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.ok(r.stdout === '' || args.length === 0, 'nothing on stdout for a usage error');
  }
  const missing = join(dirname(paths[0]), 'missing.txt');
  const r = runWasmCli(['compare', missing]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /cannot open .*missing\.txt/);
  const native = runCli(['compare', '--json', missing]);
  assert.equal(native.status, 1);
  // One unreadable file among readable ones: a notice, the rest compared, as natively.
  const mixed = runWasmCli(['compare', missing, ...paths]);
  assert.equal(mixed.status, 0, mixed.stderr);
  assert.match(mixed.stderr, /cannot open/);
  assert.equal(mixed.stdout, runCli(['compare', '--json', missing, ...paths]).stdout);
});
