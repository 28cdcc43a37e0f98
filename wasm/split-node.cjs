#!/usr/bin/env node
// split-node: makes the Node artifacts from the single-file Emscripten glue, at build time
// (wasm/CMakeLists.txt runs it after every link of parallax-core.js).
//
//   node wasm/split-node.cjs build/wasm/parallax-core.js
//     -> build/wasm/parallax-core.wasm      the module itself (the bytes embedded in the glue)
//     -> build/wasm/parallax-core-node.js   the same glue without the 1.8 MB base64 literal
//
// Why: requiring the single-file glue makes Node scan a 1.8 MB script and decode its base64
// before compiling anything. The page keeps that file unchanged (file:// and CSP need it); Node
// loads the plain .wasm instead, through wasm/load-node.cjs, which passes the bytes to the
// factory (`wasmBinary`), so 3.1.6's loader never fetch()es by path (Node 20's global fetch
// fails on paths: shared/toolchain.md). Both artifacts come from one link: the .wasm is byte for
// byte the module the page runs.
//
// Fails (exit 1, message on stderr) when the glue has no embedded module, i.e. it was not
// linked with -sSINGLE_FILE=1 or Emscripten changed the literal's form.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const PREFIX = 'wasmBinaryFile="data:application/octet-stream;base64,';

function split(gluePath) {
  const glue = fs.readFileSync(gluePath, 'latin1');
  const start = glue.indexOf(PREFIX);
  const end = start < 0 ? -1 : glue.indexOf('"', start + PREFIX.length);
  if (start < 0 || end < 0 || glue.indexOf(PREFIX, end) >= 0) {
    throw new Error(`${gluePath}: no single embedded wasm module (${PREFIX}...") found`);
  }
  const wasm = Buffer.from(glue.slice(start + PREFIX.length, end), 'base64');
  if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${gluePath}: the embedded data is not a wasm module`);
  const dir = path.dirname(gluePath);
  const base = path.basename(gluePath, '.js');
  const wasmName = `${base}.wasm`;
  // The literal becomes the sibling file's name: what the loader would look for by itself.
  // wasm/load-node.cjs always hands the bytes over, so the glue never reads or fetches it.
  const nodeGlue = `${glue.slice(0, start)}wasmBinaryFile="${wasmName}"${glue.slice(end + 1)}`;
  fs.writeFileSync(path.join(dir, wasmName), wasm);
  fs.writeFileSync(path.join(dir, `${base}-node.js`), nodeGlue, 'latin1');
  return { wasmBytes: wasm.length, glueBytes: nodeGlue.length };
}

if (require.main === module) {
  const gluePath = process.argv[2];
  if (!gluePath) {
    process.stderr.write('usage: node wasm/split-node.cjs build/wasm/parallax-core.js\n');
    process.exit(2);
  }
  try {
    const { wasmBytes, glueBytes } = split(gluePath);
    process.stdout.write(`split-node: ${wasmBytes} B wasm, ${glueBytes} B Node glue\n`);
  } catch (error) {
    process.stderr.write(`split-node: ${error.message}\n`);
    process.exit(1);
  }
}

module.exports = { split };
