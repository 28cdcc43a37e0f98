// scripts/eval-tone.mjs (article stance, owner "tone") runs and the learned target model beats
// the unlearned baselines on NewsMTSC dev. Skips without ../shared/data or the native tool.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const data = join(root, '../shared/data/newsmtsc/dev.jsonl');
const bin = join(root, 'build/native/parallax-tone');

test('eval-tone prints dev figures; the model beats the baselines', (t) => {
  if (!existsSync(data) || !existsSync(bin)) {
    t.skip('NewsMTSC or build/native/parallax-tone absent');
    return;
  }
  const run = spawnSync(process.execPath, [join(root, 'scripts/eval-tone.mjs')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const devF1 = (name) => {
    const line = run.stdout.split('\n').find((l) => l.startsWith(name));
    assert.ok(line, `no row for ${name}:\n${run.stdout}`);
    return Number(line.split('|')[1].trim().split(/\s+/)[1]);
  };
  const model = devF1('target_sentiment');
  assert.ok(model >= 0.55, `model macro-F1 ${model}`);
  assert.ok(model > devF1('sentence_tone'));
  assert.ok(model > devF1('window'));
});
