// node:test suite: the JSONL modes under GNU parallel (docs/scale.md) give exactly the output of a
// single process: `match --jsonl` split into chunks of N lines, `compare --jsonl` split by story
// (--group-by), both with -k (order kept). Skipped with a message when `parallel` is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

import { cli, runCli } from './helpers.mjs';

const haveParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = haveParallel ? false : 'GNU parallel is missing (apt-get install parallel, or bash scripts/setup.sh)';

// The story of a line, for --group-by: the first "story": value (a JSON string or number).
export const STORY_KEY = 's/^.*?"story":("(?:[^"\\\\]|\\\\.)*"|-?[0-9.eE+-]+).*$/$1/';

function runParallel(parallelArgs, command, input) {
  const r = spawnSync('parallel', [...parallelArgs, cli, ...command], { input, encoding: 'utf8', maxBuffer: 256 << 20, timeout: 300000 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('match --jsonl under parallel --pipe -N -j2 -k equals one process', { skip }, () => {
  const lines = [];
  for (let i = 0; i < 5000; i++) {
    lines.push(i % 7 === 3 ? `broken line ${i}` : JSON.stringify({ id: i, a: `Ship ${i} docked at Oskel on Tuesday.`, b: i % 2 ? `On Tuesday ship ${i} docked at Oskel.` : `Fish prices fell ${i}%.` }));
  }
  const input = lines.join('\n') + '\n';
  const single = runCli(['match', '--jsonl', '--no-resources', '-'], input).stdout;
  const parallel = runParallel(['--pipe', '-N500', '-j2', '-k'], ['match', '--jsonl', '--no-resources', '-'], input);
  assert.equal(single.split('\n').length, 5001);
  assert.equal(parallel, single);
});

test('compare --jsonl under parallel --pipe --group-by story -j2 -k equals one process', { skip }, () => {
  const lines = [];
  for (let s = 0; s < 60; s++) {
    const story = s % 3 ? `story "${s}"` : s;  // strings with quotes, and numbers
    for (let k = 1; k <= 1 + (s % 4); k++) {
      lines.push(JSON.stringify({ story, name: `s${s}-${k}`, text: `The ferry of story ${s} resumed on Tuesday, outlet ${k} said.\n\nTickets cost ${k} euros.` }));
    }
  }
  const input = lines.join('\n') + '\n';
  const single = runCli(['compare', '--jsonl', '-'], input).stdout;
  // --block 2k: several chunks, and a story must never be cut between two of them.
  const parallel = runParallel(['--pipe', '--block', '2k', '--group-by', STORY_KEY, '-j2', '-k'], ['compare', '--jsonl', '-'], input);
  assert.equal(single.trimEnd().split('\n').length, 60);
  assert.ok(!parallel.includes('"warning":"This story'), 'a story was split between chunks');
  assert.equal(parallel, single);
});
