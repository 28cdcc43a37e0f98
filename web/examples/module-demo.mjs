// web/examples/module.html: the ES module API in a page (see docs/embedding.md).
import * as parallax from '../../wasm/parallax.mjs';

const out = document.getElementById('out');
const lines = [];
const say = (text) => { lines.push(text); out.textContent = lines.join('\n'); };

try {
  await parallax.load();
  say('version ' + parallax.version());
  const analysis = parallax.compare([
    { name: 'a.txt', bytes: 'The bridge reopened on Friday after repairs.\n\nThe mayor thanked the engineers.' },
    { name: 'b.txt', bytes: 'After repairs, the bridge reopened on Friday.\n\nTraffic was light on the first day.' },
  ]);
  const shared = analysis.claims.filter((c) => c.support > 1);
  say(`compare: ${analysis.articles.length} articles, ${shared.length} shared claim(s): ${shared.map((c) => c.label).join(' | ')}`);
  const m = parallax.match('Talks begin on Friday.', 'Discussions start on Friday.');
  say(`match: same=${m.same} score=${m.score}`);
  const s = parallax.stance('The bridge reopened on Friday', 'After repairs, the bridge reopened on Friday. Traffic was light.');
  say(`stance: ${s.label} (related ${s.related})`);
  document.body.dataset.done = 'true';
} catch (e) {
  say(`error: ${e.code || ''} ${e.message}`);
  document.body.dataset.done = 'error';
}
