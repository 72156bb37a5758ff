import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatForPath } from '../../src/formats/index.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { createMatcher } from '../../src/glossary/matcher/index.js';
import { normalizeContent, plainText, segments } from '../../src/model/content.js';
import type { Content, Document } from '../../src/model/index.js';
import type { Glossary } from '../../src/glossary/schema.js';
import { createSegmenter } from '../../src/segment/srx/index.js';
import { annotateTerms } from '../../src/steps/annotate-terms.js';
import { extractDocument } from '../../src/steps/extract-document.js';
import { glossaryLookup } from '../../src/xliff/glossary-from-termbase.js';
import { readXliff } from '../../src/xliff/read/index.js';
import { writeXliff, type WriteXliffOptions } from '../../src/xliff/write.js';
import { repoRoot } from '../helpers/cli.js';

const documents = ['examples/text', 'examples/markdown', 'examples/html', 'tests/fixtures/text', 'tests/fixtures/markdown', 'tests/fixtures/html'].flatMap((dir) =>
  readdirSync(join(repoRoot, dir)).map((f) => `${dir}/${f}`),
);

/** A pseudo-translation: text runs rewritten, and a standalone code moved to the front of its sentence. */
function pseudo(source: Content): Content {
  const target: Content = source.map((item) => (item.type === 'text' ? { ...item, text: `«${item.text.toUpperCase()}»` } : item));
  const standalone = target.findIndex((item) => item.type === 'code' && item.kind === 'standalone');
  if (standalone > 0) target.unshift(...target.splice(standalone, 1));
  return normalizeContent(target);
}

function translate(doc: Document): Document {
  return {
    ...doc,
    units: doc.units.map((u) => ({
      ...u,
      parts: u.parts.map((p) => (p.kind === 'segment' && u.translate ? { ...p, target: pseudo(p.source), state: 'translated' as const } : p)),
    })),
  };
}

const shape = (content: Content) => normalizeContent(content).map((i) => (i.type === 'text' ? `t:${i.text}` : `${i.kind}:${i.id}`)).join('|');

const variants: [string, Pick<WriteXliffOptions, 'version' | 'kit'>][] = [
  ['1.2', { version: '1.2' }],
  ['1.2 OmegaT kit', { version: '1.2', kit: 'omegat' }],
  ['2.0', { version: '2.0' }],
  ['2.1', { version: '2.1' }],
];

describe('extract → pseudo-translate → write → read loses nothing', () => {
  let glossary: Glossary;
  beforeAll(async () => {
    glossary = await loadGlossary([join(repoRoot, 'glossary', 'en-fa')]);
  });

  it.each(variants)('XLIFF %s, on every example and fixture', (_name, variant) => {
    const segmenter = createSegmenter('en');
    const matcher = createMatcher(glossary, 'en');
    let checked = 0;
    for (const path of documents) {
      const bytes = new Uint8Array(readFileSync(join(repoRoot, path)));
      const doc = translate(annotateTerms(extractDocument({ bytes, path, format: formatForPath(path), sourceLang: 'en', targetLang: 'fa', segmenter }), matcher));
      const xml = writeXliff(doc, { ...variant, toolVersion: '0', glossary: glossaryLookup(glossary, 'fa') });
      const read = readXliff(new TextEncoder().encode(xml), `${path}.xlf`);
      const file = read.files[0]!;
      expect(file.original).toBe(path);
      expect(file.sha256).toBe(doc.sha256);
      const back = new Map(file.units.map((u) => [u.id, u]));
      for (const unit of doc.units) {
        const got = back.get(unit.id);
        expect(got, `${path} ${unit.id}`).toBeDefined();
        const want = segments(unit);
        const have = got!.parts.filter((p) => p.kind === 'segment');
        expect(have.map((s) => s.id), `${path} ${unit.id}`).toEqual(want.map((s) => s.id));
        want.forEach((s, i) => {
          const h = have[i]!;
          expect(shape(h.source), `${path} ${unit.id} ${s.id} source`).toBe(shape(s.source));
          if (!unit.translate) return;
          expect(h.target && plainText(h.target), `${path} ${unit.id} ${s.id} target`).toBe(plainText(s.target!));
          expect(shape(h.target!).replace(/t:[^|]*/gu, 't'), `${path} ${unit.id} ${s.id} codes`).toBe(shape(s.target!).replace(/t:[^|]*/gu, 't'));
          if (plainText(s.target!) !== plainText(s.source)) expect(h.state).toBe('translated');
          checked += 1;
        });
      }
    }
    expect(checked).toBeGreaterThan(300);
  });
});
