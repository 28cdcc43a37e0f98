// scripts/bench-lib/match.mjs: the MSRP input of `scripts/bench --match` (the timing itself is
// a benchmark, not a test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { msrpLines } from '../../scripts/bench-lib/match.mjs';

test('msrpLines skips when the data is absent', () => {
  assert.equal(msrpLines(join(tmpdir(), 'no-such-parallax-data'), 10), null);
});

test('msrpLines repeats the pairs to the count, header and short lines left out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-msrp-'));
  try {
    mkdirSync(join(dir, 'msrp'));
    writeFileSync(join(dir, 'msrp', 'msr_paraphrase_train.txt'),
      'Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tThe talks began.\tTalks started.\nbroken line\n' +
      '0\t3\t4\tRain fell "hard".\tThe team won.\n');
    const lines = msrpLines(dir, 5).trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 5);
    assert.deepEqual(lines.map((l) => l.id), ['0', '1', '2', '3', '4']);
    assert.deepEqual(lines[1], { id: '1', a: 'Rain fell "hard".', b: 'The team won.' });
    assert.deepEqual(lines[4], { id: '4', a: 'The talks began.', b: 'Talks started.' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
