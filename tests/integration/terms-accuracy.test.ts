import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/glossary/load.js';
import { createMatcher } from '../../src/glossary/matcher/index.js';
import type { Glossary } from '../../src/glossary/schema.js';
import { parseAnnotated, score, type Score } from '../helpers/annotated.js';
import { repoRoot } from '../helpers/cli.js';

const dir = join(repoRoot, 'tests', 'fixtures', 'terms', 'annotated');

function total(scores: Score[]): Score {
  const expected = scores.reduce((a, s) => a + s.expected, 0);
  const found = scores.reduce((a, s) => a + s.found, 0);
  const correct = scores.reduce((a, s) => a + s.correct, 0);
  return { expected, found, correct, recall: correct / expected, precision: correct / found };
}

describe('the shipped glossary on annotated news texts', () => {
  let glossary: Glossary;
  beforeAll(async () => {
    glossary = await loadGlossary([join(repoRoot, 'glossary', 'en-fa')]);
  });

  const run = (prefix: string) => {
    const files = readdirSync(dir).filter((f) => f.startsWith(prefix));
    const scores = files.map((f) => {
      const { text, expected } = parseAnnotated(readFileSync(join(dir, f), 'utf8'));
      const found = createMatcher(glossary, 'en').find(text);
      for (const hit of found) expect(text.slice(hit.start, hit.end)).toBe(hit.text);
      return score(expected, found);
    });
    const all = total(scores);
    console.log(`${prefix} texts (${files.length}): recall ${(all.recall * 100).toFixed(1)}% (${all.correct}/${all.expected}), precision ${(all.precision * 100).toFixed(1)}% (${all.correct}/${all.found})`);
    return all;
  };

  it('finds the marked terms of the texts the glossary was written with', () => {
    const all = run('dev-');
    expect(all.expected).toBeGreaterThan(100);
    expect(all.recall).toBeGreaterThanOrEqual(0.97);
    expect(all.precision).toBeGreaterThanOrEqual(0.97);
  });

  it('finds the marked terms of texts written after the glossary', () => {
    const all = run('heldout-');
    expect(all.expected).toBeGreaterThan(60);
    expect(all.recall).toBeGreaterThanOrEqual(0.8);
    expect(all.precision).toBeGreaterThanOrEqual(0.95);
  });
});
