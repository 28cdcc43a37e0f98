// node:test suite for the WASM command line (wasm/cli.cjs): the native CLI's bytes for the same
// files and directories, whatever the compile tier; usage errors and unreadable files as the
// native CLI reports them; the Node loading path (build/wasm/parallax-core.wasm + parallax-core-node.js,
// wasm/load-node.cjs) against the page's single-file glue, and a missing .wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { root, runCli, writeTempFiles, tricky_inputs, seedsDir, haveSeeds, coreJs } from './helpers.mjs';

const wasmCli = join(root, 'wasm', 'cli.cjs');

const nodeGlue = join(root, 'build', 'wasm', 'parallax-core-node.js');
const coreWasm = join(root, 'build', 'wasm', 'parallax-core.wasm');

function runWasmCli(args, env = {}) {
  // The default loading path unless a test names other files.
  const baseEnv = { ...process.env };
  delete baseEnv.PARALLAX_CORE_JS;
  delete baseEnv.PARALLAX_CORE_WASM;
  const r = spawnSync(process.execPath, [wasmCli, ...args], {
    encoding: 'utf8', maxBuffer: 256 << 20, timeout: 120000, env: { ...baseEnv, ...env },
  });
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
  // 2.4 MiB of text: above the threshold (2 MiB), V8 may optimise.
  const big = writeTempFiles({ 'big.txt': 'The ferry to Oskel island resumed on Tuesday after repairs.\n\n'.repeat(40000) });
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

// ---- Node loading path (wasm/load-node.cjs) ----

test('the Node .wasm is the module embedded in the page glue, byte for byte, and the Node glue embeds none', () => {
  const glue = readFileSync(coreJs, 'latin1');
  const embedded = glue.match(/wasmBinaryFile="data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/);
  assert.ok(embedded, 'parallax-core.js embeds its module (-sSINGLE_FILE=1)');
  const wasm = readFileSync(coreWasm);
  assert.ok(Buffer.from(embedded[1], 'base64').equals(wasm));
  assert.equal(wasm.readUInt32LE(0), 0x6d736100); // "\0asm"
  const small = readFileSync(nodeGlue, 'latin1');
  assert.ok(!small.includes(';base64,A'), 'the Node glue carries no base64 module');
  assert.match(small, /wasmBinaryFile="parallax-core\.wasm"/);
  assert.ok(small.length < glue.length / 10, `Node glue ${small.length} B`);
});

test('the Node loading path and the single-file glue print the same bytes as the native CLI', () => {
  const paths = writeTempFiles(tricky_inputs());
  const native = runCli(['compare', '--json', ...paths]).stdout;
  const viaDefault = runWasmCli(['compare', '--json', ...paths]);
  assert.equal(viaDefault.status, 0, viaDefault.stderr);
  assert.ok(viaDefault.stdout === native, 'default (plain .wasm) differs from native');
  const viaSingle = runWasmCli(['compare', '--json', ...paths], { PARALLAX_CORE_JS: coreJs });
  assert.equal(viaSingle.status, 0, viaSingle.stderr);
  assert.ok(viaSingle.stdout === native, 'PARALLAX_CORE_JS=parallax-core.js (single file) differs from native');
  // A copy of the Node artifacts elsewhere: PARALLAX_CORE_JS=X-node.js finds X.wasm beside it;
  // PARALLAX_CORE_WASM names the bytes explicitly.
  const dir = mkdtempSync(join(tmpdir(), 'parallax-wasm-load-'));
  copyFileSync(nodeGlue, join(dir, 'copy-node.js'));
  copyFileSync(coreWasm, join(dir, 'copy.wasm'));
  const viaCopy = runWasmCli(['compare', '--json', ...paths], { PARALLAX_CORE_JS: join(dir, 'copy-node.js') });
  assert.equal(viaCopy.status, 0, viaCopy.stderr);
  assert.ok(viaCopy.stdout === native);
  const viaExplicit = runWasmCli(['compare', '--json', ...paths],
    { PARALLAX_CORE_JS: join(dir, 'copy-node.js'), PARALLAX_CORE_WASM: join(dir, 'copy.wasm') });
  assert.equal(viaExplicit.status, 0, viaExplicit.stderr);
  assert.ok(viaExplicit.stdout === native);
});

test('a missing .wasm or glue is exit 1 with a message naming the file and the build command', () => {
  const paths = writeTempFiles(tricky_inputs());
  const dir = mkdtempSync(join(tmpdir(), 'parallax-wasm-nowasm-'));
  copyFileSync(nodeGlue, join(dir, 'lonely-node.js')); // no lonely.wasm beside it
  const cases = [
    [{ PARALLAX_CORE_JS: join(dir, 'lonely-node.js') }, /lonely\.wasm is missing/],
    [{ PARALLAX_CORE_JS: nodeGlue, PARALLAX_CORE_WASM: join(dir, 'none.wasm') }, /none\.wasm is missing/],
    [{ PARALLAX_CORE_JS: join(dir, 'absent-node.js') }, /absent-node\.js is missing/],
  ];
  for (const [env, message] of cases) {
    const r = runWasmCli(['compare', '--json', ...paths], env);
    assert.equal(r.status, 1, `${JSON.stringify(env)}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
    assert.match(r.stderr, /bash scripts\/build\.sh wasm/);
    assert.ok(!/\n\s+at /.test(r.stderr), 'a message, not a stack trace');
  }
  // Not a module at all: a message naming it, exit 1; a cut module: V8's compile error, exit 1, no hang.
  writeFileSync(join(dir, 'junk.wasm'), 'not wasm');
  const junk = runWasmCli(['compare', '--json', ...paths], { PARALLAX_CORE_JS: nodeGlue, PARALLAX_CORE_WASM: join(dir, 'junk.wasm') });
  assert.equal(junk.status, 1, junk.stderr);
  assert.match(junk.stderr, /junk\.wasm is not a WebAssembly module/);
  writeFileSync(join(dir, 'cut.wasm'), readFileSync(coreWasm).subarray(0, 4096));
  const cut = runWasmCli(['compare', '--json', ...paths], { PARALLAX_CORE_JS: nodeGlue, PARALLAX_CORE_WASM: join(dir, 'cut.wasm') });
  assert.equal(cut.status, 1, cut.stderr);
  assert.equal(cut.stdout, '');
  assert.match(cut.stderr, /^parallax: .*CompileError/m);
});
