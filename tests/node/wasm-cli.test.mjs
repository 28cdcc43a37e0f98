// node:test suite for the WASM command line (wasm/cli.cjs): the native CLI's bytes for the same
// files and directories, whatever the compile tier; usage errors and unreadable files as the
// native CLI reports them; the Node loading path (build/wasm/parallax-core.wasm + parallax-core-node.js,
// wasm/load-node.cjs) against the page's single-file glue, and a missing .wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

import { root, runCli, tempDir, writeTempFiles, tricky_inputs, seedsDir, haveSeeds, coreJs } from './helpers.mjs';

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
  const dir = tempDir('parallax-wasm-cli-');
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

test('auto runs the V8 code cache when there is one, else picks the tier by size, and reports timing on request', () => {
  const r = runWasmCli(['compare', '--timing', ...writeTempFiles(tricky_inputs())]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^compute-ms \d+(\.\d+)?$/m);
  assert.match(r.stderr, /^tier cached$/m);
  const noCache = runWasmCli(['compare', '--timing', ...writeTempFiles(tricky_inputs())], { PARALLAX_V8_CACHE: '0' });
  assert.equal(noCache.status, 0, noCache.stderr);
  assert.match(noCache.stderr, /^tier baseline$/m);
  assert.equal(noCache.stdout, r.stdout);
  // 2.4 MiB of text: above the threshold (2 MiB), V8 may optimise (the cache is optimised code already).
  const big = writeTempFiles({ 'big.txt': 'The ferry to Oskel island resumed on Tuesday after repairs.\n\n'.repeat(40000) });
  const rb = runWasmCli(['compare', '--timing', ...big], { PARALLAX_V8_CACHE: '0' });
  assert.equal(rb.status, 0, rb.stderr);
  assert.match(rb.stderr, /^tier optimizing$/m);
  const rc = runWasmCli(['compare', '--timing', ...big]);
  assert.equal(rc.status, 0, rc.stderr);
  assert.match(rc.stderr, /^tier cached$/m);
  assert.equal(rc.stdout, rb.stdout);
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
  const dir = tempDir('parallax-wasm-load-');
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
  const dir = tempDir('parallax-wasm-nowasm-');
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

// ---- V8 code cache (wasm/v8-cache.cjs, build/wasm/parallax-core.v8cache) ----

const coreCache = join(root, 'build', 'wasm', 'parallax-core.v8cache');

function runWasmCliFlags(nodeFlags, args, env = {}) {
  const baseEnv = { ...process.env };
  delete baseEnv.PARALLAX_CORE_JS;
  delete baseEnv.PARALLAX_CORE_WASM;
  const r = spawnSync(process.execPath, [...nodeFlags, wasmCli, ...args], {
    encoding: 'utf8', maxBuffer: 256 << 20, timeout: 120000, env: { ...baseEnv, ...env },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the build writes a V8 code cache for this Node: the .wasm and the glue byte for byte, code V8 accepts', () => {
  const file = readFileSync(coreCache);
  assert.equal(file.toString('latin1', 0, 11), 'PXV8CACHE1\n');
  const end = file.indexOf(10, 11);
  const header = JSON.parse(file.toString('utf8', 11, end));
  assert.equal(header.skipped, undefined, `the build could not make the cache: ${header.skipped}`);
  assert.equal(header.v8, process.versions.v8);
  assert.equal(header.node, process.version);
  assert.equal(header.arch, process.arch);
  const wasm = readFileSync(coreWasm);
  const glue = readFileSync(nodeGlue);
  assert.equal(header.wasm, wasm.length);
  assert.equal(header.glue, glue.length);
  let at = end + 1;
  const section = (name) => file.subarray(at, (at += header[name]));
  assert.ok(section('wasm').equals(wasm), 'the cache holds the module it was made from');
  assert.ok(section('code').length > 100000, `${header.code} B of module code`);
  assert.ok(section('glue').equals(glue), 'the cache holds the glue it was made from');
  const glueCode = section('glueCode');
  assert.equal(at, file.length);
  // The glue's code cache is taken under V8's default flags, as the CLI compiles the glue: V8
  // must accept it here (a test process with default flags), or it is dead weight.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${glue.toString('latin1')}\n})`,
    { filename: nodeGlue, cachedData: glueCode });
  assert.equal(script.cachedDataRejected, false, 'V8 rejected the glue\'s code cache');
});

test('the cached code prints the native bytes, also for inputs and options the build did not run', () => {
  const dir = join(root, 'samples');
  const paths = readdirSync(dir).filter((n) => n !== 'README.md').map((n) => join(dir, n));
  const cases = [
    writeTempFiles(tricky_inputs()), // encodings, formats and bad files beyond samples/
    ['--options', '{"matchThreshold":0.3,"contextWeight":0.5}', ...paths],
    ['--options', '{"matcher":"tfidf"}', ...paths],
  ];
  if (haveSeeds) cases.push([seedsDir]);
  for (const args of cases) {
    const native = runCli(['compare', '--json', ...args]);
    assert.equal(native.status, 0, native.stderr);
    const wasm = runWasmCli(['compare', '--json', '--timing', ...args]);
    assert.equal(wasm.status, 0, wasm.stderr);
    assert.match(wasm.stderr, /^tier cached$/m);
    assert.ok(wasm.stdout === native.stdout, `${args.join(' ').slice(0, 80)}: cached code differs from native`);
  }
  // The learned matcher's functions are not in the cache: they compile on their first call.
  const learned = runWasmCli(['compare', '--json', '--timing', '--options', '{"matcher":"learned"}', ...paths]);
  assert.equal(learned.status, 0, learned.stderr);
  assert.match(learned.stderr, /^tier cached$/m);
  assert.ok(learned.stdout === runCli(['compare', '--json', '--options', '{"matcher":"learned"}', ...paths]).stdout);
});

test('a cache that does not fit is ignored: the module is compiled and the bytes are the same', () => {
  const paths = writeTempFiles(tricky_inputs());
  const native = runCli(['compare', '--json', ...paths]).stdout;
  const dir = tempDir('parallax-wasm-cache-');
  copyFileSync(nodeGlue, join(dir, 'c-node.js'));
  copyFileSync(coreWasm, join(dir, 'c.wasm'));
  const good = readFileSync(coreCache);
  const end = good.indexOf(10, 11);
  const header = JSON.parse(good.toString('utf8', 11, end));
  const withHeader = (fields) =>
    Buffer.concat([Buffer.from(`PXV8CACHE1\n${JSON.stringify({ ...header, ...fields })}\n`), good.subarray(end + 1)]);
  const otherWire = Buffer.from(good);
  otherWire[end + 1 + header.wasm - 1] ^= 0xff; // the module's last byte: made for another .wasm
  const variants = {
    copy: [good, 'cached'],
    truncated: [good.subarray(0, good.length - 1000), 'baseline'],
    'not a cache': [Buffer.from('PXV8CACHE1\n{"wasm":'), 'baseline'],
    'the stub of a failed build step': [Buffer.from('PXV8CACHE1\n{"skipped":"exit status 1"}\n'), 'baseline'],
    empty: [Buffer.alloc(0), 'baseline'],
    'other V8': [withHeader({ v8: '0.0.0.0-other' }), 'baseline'],
    'other flags': [withHeader({ flags: ['--allow-natives-syntax'] }), 'baseline'],
    'other module': [otherWire, 'baseline'],
  };
  for (const [name, [bytes, tier]] of Object.entries(variants)) {
    writeFileSync(join(dir, 'c.v8cache'), bytes);
    const r = runWasmCli(['compare', '--json', '--timing', ...paths], { PARALLAX_CORE_JS: join(dir, 'c-node.js') });
    assert.equal(r.status, 0, `${name}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`^tier ${tier}$`, 'm'), name);
    assert.ok(r.stdout === native, `${name}: the bytes differ from native`);
  }
  // Another glue than the cache's: required as usual (its cached code is not used), while the
  // module's code still comes from the cache.
  writeFileSync(join(dir, 'c.v8cache'), good);
  writeFileSync(join(dir, 'c-node.js'), `${readFileSync(nodeGlue, 'latin1')}\n// another build\n`, 'latin1');
  const otherGlue = runWasmCli(['compare', '--json', '--timing', ...paths], { PARALLAX_CORE_JS: join(dir, 'c-node.js') });
  assert.equal(otherGlue.status, 0, otherGlue.stderr);
  assert.match(otherGlue.stderr, /^tier cached$/m);
  assert.ok(otherGlue.stdout === native, 'another glue: the bytes differ from native');
  // The header fits but V8 refuses the code (another flag set: its hash is in V8's own header):
  // the flags are set back and the module compiles as without a cache.
  const refused = runWasmCliFlags(['--no-wasm-lazy-compilation'], ['compare', '--json', '--timing', ...paths]);
  assert.equal(refused.status, 0, refused.stderr);
  assert.match(refused.stderr, /^tier baseline$/m);
  assert.ok(refused.stdout === native, 'after a refused cache the bytes differ from native');
});

test('a build step that cannot make the cache leaves a stub, says so and does not fail the build', () => {
  const dir = tempDir('parallax-wasm-cachefail-');
  copyFileSync(nodeGlue, join(dir, 'f-node.js'));
  copyFileSync(coreWasm, join(dir, 'f.wasm'));
  writeFileSync(join(dir, 'f.v8cache'), readFileSync(coreCache)); // a stale cache must not survive
  const step = spawnSync(process.execPath, [join(root, 'wasm', 'v8-cache.cjs'), join(dir, 'f-node.js'), join(dir, 'f.wasm'), join(dir, 'no-such-dir')],
    { encoding: 'utf8', timeout: 120000 });
  assert.equal(step.status, 0, step.stderr);
  assert.match(step.stderr, /no V8 code cache/);
  assert.match(readFileSync(join(dir, 'f.v8cache'), 'latin1'), /^PXV8CACHE1\n\{"skipped"/);
  const paths = writeTempFiles(tricky_inputs());
  const r = runWasmCli(['compare', '--json', '--timing', ...paths], { PARALLAX_CORE_JS: join(dir, 'f-node.js') });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^tier baseline$/m);
  assert.ok(r.stdout === runCli(['compare', '--json', ...paths]).stdout);
});
