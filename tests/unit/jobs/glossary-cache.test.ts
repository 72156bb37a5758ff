import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../src/glossary/load.js';
import { loadGlossaryCached } from '../../../src/jobs/glossary-cache.js';
import { repoRoot } from '../../helpers/cli.js';

const termbase = join(repoRoot, 'glossary/en-fa');

describe('the glossary kept in the job store', () => {
  it('gives back the glossary as read from its files, from the cache and after the cache is damaged', async () => {
    const state = mkdtempSync(join(tmpdir(), 'tarjoman-gcache-'));
    const direct = await loadGlossary([termbase]);
    const first = await loadGlossaryCached([termbase], state);
    expect(first.glossary).toEqual(direct);
    const cached = await loadGlossaryCached([termbase], state);
    expect(cached).toEqual(first);
    const file = join(state, 'cache/glossary.json');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 100));
    expect(await loadGlossaryCached([termbase], state)).toEqual(first);
  });

  it('reads the files again when one of them changed', async () => {
    const state = mkdtempSync(join(tmpdir(), 'tarjoman-gcache-'));
    const dir = mkdtempSync(join(tmpdir(), 'tarjoman-gcache-terms-'));
    const yaml = (fa: string) => `languages: [en, fa]\nentries:\n  - id: place.paris\n    type: place\n    terms:\n      en: [{ text: Paris }]\n      fa: [{ text: ${fa} }]\n`;
    writeFileSync(join(dir, 'places.yaml'), yaml('پاریس'));
    expect((await loadGlossaryCached([dir], state)).glossary.entries[0]!.terms.fa![0]!.text).toBe('پاریس');
    writeFileSync(join(dir, 'places.yaml'), yaml('پاريس'));
    expect((await loadGlossaryCached([dir], state)).glossary.entries[0]!.terms.fa![0]!.text).toBe('پاريس');
  });
});
