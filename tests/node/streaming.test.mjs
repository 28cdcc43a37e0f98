// node:test suite for the streaming JSONL modes of the native CLI (match, stance, compare --jsonl):
// order kept, results written before the input ends, memory bounded on a large input (peak RSS of
// 100k lines against 10k lines, by GNU time; not a timing test), and the story grouping mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cli, runCli } from './helpers.mjs';

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

// Padding makes each line ~250 bytes, so holding the input (or the output) would show in the RSS.
const pairLine = (i) => JSON.stringify({
  id: i,
  a: `Ship ${i} docked at Oskel harbour on Tuesday after a long crossing from the mainland ports.`,
  b: `On Tuesday ship ${i} docked at Oskel, the harbour master said, after crossing from the mainland.`,
});

const article = (story, k, extra = '') => JSON.stringify({
  story,
  name: `${story}-${k}`,
  source: `Outlet ${k}`,
  text: `The ferry of story ${story} resumed on Tuesday after repairs, outlet ${k} reported.${extra}\n\nTickets cost ${10 + k} euros, up from 10.`,
});

/** Runs the CLI on a file under GNU time; returns {stdout, peakKb}. */
function runMeasured(args, inputPath) {
  const r = spawnSync(gnuTime, ['-f', '%M', cli, ...args, inputPath], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 300000 });
  assert.equal(r.status, 0, r.stderr.slice(-500));
  return { stdout: r.stdout, peakKb: Number(r.stderr.trim().split('\n').pop()) };
}

function tempFile(name, text) {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-stream-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts the CLI with a pipe on stdin; `firstLine` resolves with the first output line. */
function startStreaming(args) {
  const child = spawn(cli, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let buffered = '';
  const firstLine = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no output line while the input was still open')), 60000);
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      const end = buffered.indexOf('\n');
      if (end >= 0) {
        clearTimeout(timer);
        resolve(buffered.slice(0, end));
      }
    });
    child.on('exit', () => reject(new Error('the process ended before writing a line')));
  });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, firstLine, exited };
}

test('match --jsonl answers a line before its input is closed', async () => {
  const { child, firstLine, exited } = startStreaming(['match', '--jsonl', '--no-resources', '-']);
  child.stdin.write(pairLine(41) + '\n');
  const line = JSON.parse(await firstLine);  // stdin is still open here
  assert.equal(line.id, 41);
  assert.equal(line.same, true);
  child.stdin.end();
  assert.equal(await exited, 0);
});

test('compare --jsonl writes a story as soon as the next story starts', async () => {
  const { child, firstLine, exited } = startStreaming(['compare', '--jsonl', '-']);
  child.stdin.write([article('alpha', 1), article('alpha', 2), article('beta', 1)].join('\n') + '\n');
  const line = JSON.parse(await firstLine);  // beta is still open: alpha must be out already
  assert.equal(line.story, 'alpha');
  assert.equal(line.inputs, 2);
  assert.equal(line.analysis.schema, 'parallax/1');
  assert.deepEqual(line.analysis.articles.map((a) => a.name), ['alpha-1.json', 'alpha-2.json']);
  assert.deepEqual(line.analysis.articles.map((a) => a.source), ['Outlet 1', 'Outlet 2']);
  child.stdin.end();
  assert.equal(await exited, 0);
});

test('match --jsonl: order kept and memory bounded, 100k lines against 10k', { skip: gnuTime ? false : '/usr/bin/time is missing' }, () => {
  const peaks = {};
  for (const count of [10000, 100000]) {
    const lines = Array.from({ length: count }, (_, i) => pairLine(i));
    const input = tempFile('pairs.jsonl', lines.join('\n') + '\n');
    try {
      const { stdout, peakKb } = runMeasured(['match', '--jsonl', '--no-resources'], input.path);
      const out = stdout.trimEnd().split('\n');
      assert.equal(out.length, count);
      out.forEach((l, i) => { if (JSON.parse(l).id !== i) assert.fail(`line ${i} is out of order: ${l}`); });
      peaks[count] = peakKb;
    } finally {
      input.cleanup();
    }
  }
  // 100k lines are ~25 MB of input and ~4 MB of output: holding either would add megabytes.
  console.log(`match --jsonl peak RSS: 10k lines ${peaks[10000]} KB, 100k lines ${peaks[100000]} KB`);
  assert.ok(peaks[100000] < peaks[10000] * 1.25 + 4096, `peak RSS grew from ${peaks[10000]} KB to ${peaks[100000]} KB`);
});

test('compare --jsonl: memory per story, 3000 stories against 300', { skip: gnuTime ? false : '/usr/bin/time is missing' }, () => {
  const peaks = {};
  for (const stories of [300, 3000]) {
    const lines = [];
    for (let s = 0; s < stories; s++) for (let k = 1; k <= 3; k++) lines.push(article(`s${s}`, k, ' The harbour was busy.'.repeat(10)));
    const input = tempFile('articles.jsonl', lines.join('\n') + '\n');
    try {
      const { stdout, peakKb } = runMeasured(['compare', '--jsonl', '--no-resources'], input.path);
      const out = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
      assert.equal(out.length, stories);
      out.forEach((o, s) => { if (o.story !== `s${s}` || o.analysis.articles.length !== 3) assert.fail(`story ${s}: ${JSON.stringify(o).slice(0, 200)}`); });
      peaks[stories] = peakKb;
    } finally {
      input.cleanup();
    }
  }
  console.log(`compare --jsonl peak RSS: 300 stories ${peaks[300]} KB, 3000 stories ${peaks[3000]} KB`);
  assert.ok(peaks[3000] < peaks[300] * 1.25 + 4096, `peak RSS grew from ${peaks[300]} KB to ${peaks[3000]} KB`);
});

test('compare --jsonl: same analysis as compare --json on the same articles', () => {
  const lines = [article('x', 1), article('x', 2), article('x', 3)];
  const grouped = JSON.parse(runCli(['compare', '--jsonl', '-'], lines.join('\n')).stdout);
  const files = lines.map((l, i) => ({ [`x-${i + 1}.json`]: l })).reduce((a, b) => ({ ...a, ...b }), {});
  const dir = mkdtempSync(join(tmpdir(), 'parallax-stream-'));
  try {
    const paths = Object.entries(files).map(([name, text]) => { writeFileSync(join(dir, name), text); return join(dir, name); });
    const direct = JSON.parse(runCli(['compare', '--json', ...paths]).stdout);
    assert.deepEqual(grouped.analysis, direct);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('compare --jsonl: bad lines, split stories, --unsorted', () => {
  const input = [
    article('a', 1), article('a', 2), 'not json', JSON.stringify({ name: 'no story', text: 'x' }),
    article('b', 1), article('b', 2), article('a', 3), '',
  ].join('\n');
  const out = runCli(['compare', '--jsonl', '-'], input).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => [o.story, o.line ?? null, o.inputs ?? null, o.error?.code ?? null, 'warning' in o]), [
    [null, 3, null, 'bad_json', false],
    [null, 4, null, 'bad_json', false],
    ['a', null, 2, null, false],
    ['b', null, 2, null, false],
    ['a', null, 1, null, true],  // "a" came back after "b": compared on its own, with a warning
  ]);
  const unsorted = runCli(['compare', '--jsonl', '--unsorted', '-'], input).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(unsorted.map((o) => [o.story, o.inputs ?? null]), [[null, null], [null, null], ['a', 3], ['b', 2]]);
  // A story above maxTotalBytes is refused, the next one is still compared.
  const big = [article('big', 1, ' padding'.repeat(100)), article('big', 2), article('small', 1), article('small', 2)].join('\n');
  const limited = runCli(['compare', '--jsonl', '--options', '{"maxTotalBytes":600}', '-'], big).stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(limited[0].story, 'big');
  assert.equal(limited[0].error.code, 'too_large');
  assert.equal(limited[1].story, 'small');
  assert.equal(limited[1].analysis.articles.length, 2);
  assert.equal(runCli(['compare', '--jsonl', '--json', '-'], '').status, 2);
});
