// One whole-process WebAssembly run for scripts/bench: node wasm-compare.cjs FILE...
// Loads build/wasm/parallax-core.js, compares the files, writes the JSON to stdout
// (like `parallax compare --json`), so both are measured doing the same work, and
// the time of the compare call alone to stderr ("compute-ms N").
const fs = require('node:fs');
const path = require('node:path');

const createParallaxCore = require(path.join(__dirname, '..', '..', 'build', 'wasm', 'parallax-core.js'));
createParallaxCore().then((core) => {
  const files = process.argv.slice(2).map((file) => ({ name: path.basename(file), bytes: fs.readFileSync(file) }));
  const start = process.hrtime.bigint();
  const result = core.compare(files, '{}');
  // The core's own time, without Node start-up and module instantiation.
  process.stderr.write(`compute-ms ${Number(process.hrtime.bigint() - start) / 1e6}\n`);
  if (!result.ok) {
    process.stderr.write(`wasm-compare: ${result.message}\n`);
    process.exit(1);
  }
  // Written synchronously, then exit at once: otherwise Node waits ~0.2 s at exit for V8's
  // background optimisation of the wasm code, which this one-shot process never uses.
  fs.writeSync(1, result.json);  // two writes: no concatenated copy of a large string
  fs.writeSync(1, '\n');
  process.exit(0);
});
