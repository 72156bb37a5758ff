import { describe, expect, it } from 'vitest';
import { textFormat } from '../../../src/formats/text/index.js';
import type { Document, Unit } from '../../../src/model/schema.js';
import { segmentContent } from '../../../src/segment/segment-content.js';
import { createSegmenter } from '../../../src/segment/srx/index.js';
import { unitSource } from '../../../src/model/content.js';
import { readXliff, toModelUnit } from '../../../src/xliff/read/index.js';
import { writeXliff12 } from '../../../src/xliff/v12/write.js';
import { sourceHash, writeXliff2 } from '../../../src/xliff/v2/write.js';
import { close, enc, expected12, expected2, expectedKit, makeDocument, open, ph, readView, text } from '../../fixtures/xliff/helpers.js';

const segmenter = createSegmenter('en');

/** A text document cut into sentences, as extract and segment make it. */
function textDocument(source: string): Document {
  const doc = textFormat.extract(enc(source), { path: 'docs/story.txt', sourceLang: 'en', targetLang: 'fa' });
  return { ...doc, units: doc.units.map((u) => ({ ...u, parts: segmentContent(unitSource(u), segmenter) })) };
}

const STORY = 'Tehran Talks Resume\n\nBy Our Correspondent\n\nThe talks resumed on Monday. Officials met again!  Nobody spoke to the press.\n\nA second paragraph. It has two sentences.\n';

/** A unit with every kind of code: a pair inside a sentence, a pair split over two sentences, standalone codes. */
const codeUnit: Unit = {
  id: 'u9',
  kind: 'paragraph',
  translate: true,
  context: { element: 'p', line: 12, column: 3 },
  notes: ['lead paragraph'],
  parts: [
    {
      kind: 'segment',
      id: 's1',
      source: [text('Read '), open('1', 'strong', '<strong>'), text('this'), close('1', 'strong', '</strong>'), text(' now'), ph('2', 'img', '<img src="a.png">', { canDelete: false, equiv: '[image]' }), text('.')],
      target: [text('این را '), open('1', 'strong', '<strong>'), text('اکنون'), close('1', 'strong', '</strong>'), ph('2', 'img', '<img src="a.png">', { canDelete: false, equiv: '[image]' }), text(' بخوانید.')],
      state: 'reviewed',
    },
    { kind: 'ignorable', id: 'i1', source: [text(' ')] },
    {
      kind: 'segment',
      id: 's2',
      source: [text('Then '), open('3', 'a', '<a href="/x">'), text('go.')],
      target: [text('سپس '), open('3', 'a', '<a href="/x">'), text('بروید.')],
      state: 'translated',
    },
    { kind: 'ignorable', id: 'i2', source: [text(' ')] },
    { kind: 'segment', id: 's3', source: [text('Now'), close('3', 'a', '</a>'), text(' stop.')], state: 'initial' },
  ],
};

const untranslatable: Unit = {
  id: 'u10',
  kind: 'string',
  translate: false,
  context: { key: 'app.title', level: 2 },
  notes: [],
  parts: [{ kind: 'segment', id: 's1', source: [text('MEK')], state: 'initial' }],
};

const doc = makeDocument([codeUnit, untranslatable]);
const read = (xml: string) => readXliff(enc(xml), 'test.xlf');

describe('readXliff on what tarjoman writes: XLIFF 2', () => {
  it.each(['2.0', '2.1'] as const)('gives back the units of a segmented text document (%s)', (version) => {
    const story = textDocument(STORY);
    expect(story.units.some((u) => u.parts.length > 2)).toBe(true);
    const file = read(writeXliff2(story, { version, toolVersion: '0.1.0' }));
    expect(file).toMatchObject({ version, srcLang: 'en', trgLang: 'fa' });
    expect(file.files).toHaveLength(1);
    const entry = file.files[0]!;
    expect(entry).toMatchObject({ id: 'f1', original: 'docs/story.txt', format: 'text', sha256: story.sha256, toolVersion: '0.1.0', srcLang: 'en', trgLang: 'fa' });
    expect(entry.units.map((u) => readView(u, true))).toEqual(story.units.map(expected2));
    expect(entry.units.map((u) => [u.kind, u.context, u.sourceSha256, u.space])).toEqual(story.units.map((u) => [u.kind, u.context, sourceHash(u), 'preserve']));
  });

  it('keeps codes with their ids, kinds, data, equiv and permissions, targets and states', () => {
    const [unit, plainUnit] = read(writeXliff2(doc, { version: '2.1', toolVersion: '1' })).files[0]!.units;
    expect(readView(unit!, true)).toEqual(expected2(codeUnit));
    const s1 = unit!.parts[0]!;
    expect(s1).toMatchObject({ kind: 'segment', state: 'reviewed' });
    const image = s1.source.find((i) => i.type === 'code' && i.kind === 'standalone');
    expect(image).toEqual({ type: 'code', kind: 'standalone', id: '2', tag: 'image', data: '<img src="a.png">', equiv: '[image]', canDelete: false });
    const strong = s1.source.find((i) => i.type === 'code' && i.kind === 'open');
    expect(strong).toMatchObject({ id: '1', tag: 'b', data: '<strong>' });
    expect(unit!.parts[2]).toMatchObject({ state: 'translated' });
    expect(unit!.parts[4]).toMatchObject({ state: 'initial' });
    expect(unit!.parts[4]).not.toHaveProperty('target');
    expect(unit).toMatchObject({ id: 'u9', kind: 'paragraph', translate: true, notes: ['lead paragraph'], context: { element: 'p', line: 12, column: 3 } });
    expect(plainUnit).toMatchObject({ id: 'u10', kind: 'string', translate: false, context: { key: 'app.title', level: 2 } });
  });

  it('drops term marks, keeps their text, and leaves out the generated terminology notes', () => {
    const withTerms: Unit = {
      ...codeUnit,
      parts: codeUnit.parts.map((p) => (p.kind === 'segment' && p.id === 's1' ? { ...p, matches: [{ conceptId: 'c1', start: 0, end: 4, text: 'Read' }, { conceptId: 'c2', start: 7, end: 11, text: 'is n' }] } : p)),
    };
    const xml = writeXliff2(makeDocument([withTerms]), { version: '2.1', toolVersion: '1', glossary: () => ({ translations: ['این'], forbidden: ['آن'] }) });
    expect(xml).toContain('<mrk id="m1" type="term">');
    expect(xml).toContain('<sm id="m2" type="term"/>');
    expect(xml).toContain('category="terminology"');
    const unit = read(xml).files[0]!.units[0]!;
    expect(readView(unit, true)).toEqual(expected2(codeUnit));
    expect(unit.notes).toEqual(['lead paragraph']);
  });

  it('reads characters XML cannot hold back from <cp>', () => {
    const odd: Unit = { ...untranslatable, translate: true, parts: [{ kind: 'segment', id: 's1', source: [text('a\u0001b'), ph('1', 'x', '\u000b')], target: [text('پ\uFFFF'), ph('1', 'x', '\u000b')], state: 'final' }] };
    const xml = writeXliff2(makeDocument([odd]), { version: '2.1', toolVersion: '1' });
    expect(xml).toContain('<cp hex="0001"/>');
    expect(readView(read(xml).files[0]!.units[0]!, true)).toEqual(expected2(odd));
  });

  it('reads the placeholder unit of an empty document', () => {
    const file = read(writeXliff2(makeDocument([]), { version: '2.1', toolVersion: '1' }));
    expect(file.files[0]!.units).toMatchObject([{ id: 'empty', translate: false, parts: [{ kind: 'segment', id: 's1', source: [] }] }]);
  });

  it('turns a read unit into a model unit', () => {
    const unit = read(writeXliff2(doc, { version: '2.1', toolVersion: '1' })).files[0]!.units[0]!;
    const model = toModelUnit(unit);
    expect(model).toMatchObject({ id: 'u9', kind: 'paragraph', notes: ['lead paragraph'] });
    expect(model.parts[0]).not.toHaveProperty('line');
  });
});

describe('readXliff on what tarjoman writes: XLIFF 1.2', () => {
  it('gives back the units of a segmented text document, segments from seg-source', () => {
    const story = textDocument(STORY);
    const file = read(writeXliff12(story, { toolVersion: '0.1.0' }));
    expect(file).toMatchObject({ version: '1.2', srcLang: 'en', trgLang: 'fa' });
    const entry = file.files[0]!;
    expect(entry).toMatchObject({ original: 'docs/story.txt', format: 'text', sha256: story.sha256, toolVersion: '0.1.0' });
    expect(entry.units.map((u) => readView(u, false))).toEqual(story.units.map(expected12));
    expect(entry.units.map((u) => [u.kind, u.context, u.sourceSha256])).toEqual(story.units.map((u) => [u.kind, u.context, sourceHash(u)]));
  });

  it('keeps code ids and kinds (g, x, bx, ex), targets per mrk, and one state per trans-unit', () => {
    const xml = writeXliff12(doc, { toolVersion: '1' });
    expect(xml).toContain('<bx id="3b" rid="3"');
    const [unit, plainUnit] = read(xml).files[0]!.units;
    expect(readView(unit!, false)).toEqual(expected12(codeUnit));
    // s3 had no target: the writer copied its source, which reads back as untranslated
    expect(unit!.parts[4]).toMatchObject({ state: 'initial', target: [text('Now'), { kind: 'close', id: '3' }, text(' stop.')] });
    const image = unit!.parts[0]!.source.find((i) => i.type === 'code' && i.kind === 'standalone');
    expect(image).toEqual({ type: 'code', kind: 'standalone', id: '2', tag: 'image', data: '', equiv: '[image]' });
    const exCode = unit!.parts[4]!.source[1];
    expect(exCode).toMatchObject({ kind: 'close', id: '3', tag: 'link', data: '' });
    expect(plainUnit).toMatchObject({ id: 'u10', translate: false, kind: 'string', context: { key: 'app.title', level: 2 } });
  });

  it('maps state and approved: final, signed-off and approved to final and reviewed', () => {
    for (const state of ['translated', 'reviewed', 'final'] as const) {
      const unit: Unit = { ...untranslatable, translate: true, parts: [{ kind: 'segment', id: 's1', source: [text('Yes.')], target: [text('بله.')], state }] };
      const xml = writeXliff12(makeDocument([unit]), { toolVersion: '1' });
      expect(read(xml).files[0]!.units[0]!.parts[0]).toMatchObject({ state });
    }
  });

  it('reassembles the OmegaT kit: a group per unit, a trans-unit per sentence', () => {
    const story = textDocument(STORY);
    const xml = writeXliff12(story, { toolVersion: '1', kit: 'omegat' });
    expect(xml).toMatch(/<trans-unit id="u\d+_s2"/u);
    const units = read(xml).files[0]!.units;
    expect(units.map((u) => readView(u, false))).toEqual(story.units.map(expectedKit));
    expect(units.map((u) => [u.kind, u.sourceSha256])).toEqual(story.units.map((u) => [u.kind, sourceHash(u)]));

    const kit = read(writeXliff12(doc, { toolVersion: '1', kit: 'omegat' })).files[0]!.units;
    expect(kit.map((u) => readView(u, false))).toEqual([expectedKit(codeUnit), expectedKit(untranslatable)]);
    expect(kit[1]).toMatchObject({ translate: false, kind: 'string' });
  });
});
