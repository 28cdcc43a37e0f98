// Article sets for scripts/bench, written to a temp dir (never into the project):
//   seeds      the five real articles in ../shared/data/seeds
//   samples    the team's sample articles in samples/
//   fnc-N      N article bodies from ../shared/data/fnc1/train_bodies.csv, grouped by story:
//              bodies related (agree/disagree/discuss) to the same headline are one story,
//              and sets grow by adding whole stories.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

/** Minimal RFC 4180 CSV reader (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** FNC-1 bodies ordered story by story; null when the data is absent. */
export function fncBodiesByStory(dataDir) {
  const bodiesPath = join(dataDir, 'fnc1', 'train_bodies.csv');
  const stancesPath = join(dataDir, 'fnc1', 'train_stances.csv');
  if (!existsSync(bodiesPath) || !existsSync(stancesPath)) return null;
  const bodies = new Map(parseCsv(readFileSync(bodiesPath, 'utf8')).slice(1).filter((r) => r.length >= 2).map((r) => [r[0], r[1]]));
  const storyOf = new Map();
  const stories = [];
  const headlineIndex = new Map();
  for (const [headline, bodyId, stance] of parseCsv(readFileSync(stancesPath, 'utf8')).slice(1)) {
    if (!stance || stance === 'unrelated' || storyOf.has(bodyId) || !bodies.has(bodyId)) continue;
    if (!headlineIndex.has(headline)) {
      headlineIndex.set(headline, stories.length);
      stories.push([]);
    }
    storyOf.set(bodyId, headlineIndex.get(headline));
    stories[headlineIndex.get(headline)].push(bodyId);
  }
  const ordered = stories.flat();
  for (const id of bodies.keys()) if (!storyOf.has(id)) ordered.push(id);  // bodies of no story last
  return ordered.map((id) => ({ id, text: bodies.get(id) }));
}

/** Writes a set into dir; returns the file paths. */
export function writeSet(dir, articles) {
  mkdirSync(dir, { recursive: true });
  return articles.map((article, i) => {
    const path = join(dir, `${String(i).padStart(4, '0')}-${article.id}.txt`);
    writeFileSync(path, article.text);
    return path;
  });
}

export function copySet(dir, sourceDir, filter = () => true) {
  mkdirSync(dir, { recursive: true });
  return readdirSync(sourceDir).filter(filter).sort().map((name) => {
    copyFileSync(join(sourceDir, name), join(dir, name));
    return join(dir, name);
  });
}
