import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedSince, hitsUnchanged, matcherFor, mentions, snapshotOf } from '../../../src/jobs/concepts.js';
import { JobStore, removeLeftovers } from '../../../src/jobs/store.js';
import type { Concept, Glossary } from '../../../src/glossary/schema.js';
import type { Document } from '../../../src/model/schema.js';
import { formatForPath } from '../../../src/formats/index.js';
import { createSegmenter } from '../../../src/segment/srx/index.js';
import { extractDocument } from '../../../src/steps/extract-document.js';

const temp = () => mkdtempSync(join(tmpdir(), 'tarjoman-store-'));

describe('the job store', () => {
  it('reads back what it wrote, and treats a truncated or foreign record as missing', async () => {
    const store = new JobStore(temp());
    await store.put({ document: 'a/b.txt', state: 'extracted', key: 'k', words: 3 });
    expect(await store.get('a/b.txt')).toEqual({ document: 'a/b.txt', state: 'extracted', key: 'k', words: 3 });
    writeFileSync(store.fileFor('a/b.txt'), '{"document": "a/b.txt", "sta');
    expect(await store.get('a/b.txt')).toBeUndefined();
    writeFileSync(store.fileFor('a/b.txt'), JSON.stringify({ document: 'a/b.txt', state: 'finished' }));
    expect(await store.get('a/b.txt')).toBeUndefined();
    // A record copied under another document's name does not count for it.
    writeFileSync(store.fileFor('a/b.txt'), JSON.stringify({ document: 'c.txt', state: 'new' }));
    expect(await store.get('a/b.txt')).toBeUndefined();
  });

  it('keeps a glossary snapshot under its own hash, and prunes the ones not kept', async () => {
    const store = new JobStore(temp());
    const one = await store.putSnapshot({ 'place.paris': 'aa' });
    const two = await store.putSnapshot({ 'place.paris': 'bb' });
    expect(one).not.toBe(two);
    expect(await store.getSnapshot(one)).toEqual({ 'place.paris': 'aa' });
    await store.pruneSnapshots(new Set([two]));
    expect(await store.getSnapshot(one)).toBeUndefined();
    expect(await store.getSnapshot(two)).toEqual({ 'place.paris': 'bb' });
  });

  it('removes only the temporary files an interrupted write leaves', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'x/y'), { recursive: true });
    for (const name of ['x/y/.a.xlf.0123456789ab.tmp', 'x/.b.json.abcdef012345.tmp', 'x/keep.tmp', 'x/y/a.xlf', 'x/.hidden']) writeFileSync(join(dir, name), '');
    expect(await removeLeftovers(dir)).toBe(2);
    expect(readdirSync(join(dir, 'x')).sort()).toEqual(['.hidden', 'keep.tmp', 'y']);
    expect(readdirSync(join(dir, 'x/y'))).toEqual(['a.xlf']);
  });
});

const concept = (id: string, en: string, fa: string): Concept => ({
  id,
  type: 'place',
  terms: { en: [{ text: en, status: 'preferred', case: 'sensitive' }], fa: [{ text: fa, status: 'preferred' }] },
});
const glossaryOf = (...entries: Concept[]): Glossary => ({ languages: ['en', 'fa'], entries, origins: new Map() });

function doc(text: string): Document {
  return extractDocument({ bytes: new Uint8Array(Buffer.from(text)), path: 'a.txt', format: formatForPath('a.txt'), sourceLang: 'en', targetLang: 'fa', segmenter: createSegmenter('en', {}) });
}

describe('which documents a glossary change concerns', () => {
  const paris = concept('place.paris', 'Paris', 'پاریس');
  const london = concept('place.london', 'London', 'لندن');
  const before = glossaryOf(paris);
  const old = snapshotOf(before);

  it('sees a changed, removed or reordered concept among those a document hit', () => {
    const hits: [string, string][] = [['place.paris', old['place.paris']!]];
    expect(hitsUnchanged(hits, before, old)).toBe(true);
    const renamed = glossaryOf(concept('place.paris', 'Paris', 'پاريس'));
    expect(hitsUnchanged(hits, renamed, snapshotOf(renamed))).toBe(false);
    expect(hitsUnchanged(hits, glossaryOf(london), snapshotOf(glossaryOf(london)))).toBe(false);
    const both = glossaryOf(paris, london);
    const bothHits: [string, string][] = [['place.paris', old['place.paris']!], ['place.london', snapshotOf(both)['place.london']!]];
    expect(hitsUnchanged(bothHits, both, snapshotOf(both))).toBe(true);
    const swapped = glossaryOf(london, paris);
    expect(hitsUnchanged(bothHits, swapped, snapshotOf(swapped))).toBe(false);
    expect(hitsUnchanged(undefined, before, old)).toBe(false);
  });

  it('finds a new concept only in the documents that name it', () => {
    const after = glossaryOf(paris, london);
    const added = changedSince(old, after, snapshotOf(after));
    expect(added.map((c) => c.id)).toEqual(['place.london']);
    const matcher = matcherFor(after, added, 'en');
    expect(mentions(doc('Rain fell on London today.\n'), matcher)).toBe(true);
    expect(mentions(doc('Rain fell on Paris today.\n'), matcher)).toBe(false);
    expect(matcherFor(after, [], 'en')).toBeUndefined();
    expect(mentions(doc('Rain fell on Paris today.\n'), undefined)).toBe(false);
  });
});
