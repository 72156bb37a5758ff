import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXliff, type ReadSegment, type ReadUnit } from '../../../src/xliff/read/index.js';
import { sharedDir, warnSkipped } from '../../helpers/shared.js';
import { fixture, readView } from '../../fixtures/xliff/helpers.js';

const readFixture = (name: string) => readXliff(readFileSync(fixture('tools', name)), name);
const segs = (unit: ReadUnit) => unit.parts.filter((p): p is ReadSegment => p.kind === 'segment');

describe('readXliff on files CAT tools give back', () => {
  it('OmegaT: the kit comes back with translations under untouched needs-translation states', () => {
    const file = readFixture('omegat-kit-returned.xlf');
    expect(file.files[0]).toMatchObject({ original: 'news/talks.html', format: 'html', toolVersion: '0.1.0', sha256: 'e64180e79cfc8e2cc679bcaea955561cc5e9f6d4506590f14222787f16c0e7f9' });
    const units = file.files[0]!.units;
    expect(units.map((u) => u.id)).toEqual(['u1', 'u2', 'u3']);
    expect(units.map((u) => u.kind)).toEqual(['title', 'heading', 'paragraph']);
    expect(units[1]!.context).toEqual({ level: 1, element: 'h1', line: 4, column: 5 });
    expect(readView(units[2]!, false)).toEqual({
      id: 'u3',
      translate: true,
      parts: [
        { kind: 'segment', id: 's1', source: ['The talks resumed on ', { kind: 'open', id: '1' }, 'Monday', { kind: 'close', id: '1' }, '.'], target: [{ kind: 'open', id: '1' }, 'دوشنبه', { kind: 'close', id: '1' }, ' گفت‌وگوها از سر گرفته شد.'], state: 'translated' },
        {
          kind: 'segment',
          id: 's2',
          source: ['Officials met ', { kind: 'open', id: '2' }, 'again', { kind: 'close', id: '2' }, '.', { kind: 'standalone', id: '3' }, 'Nobody spoke.'],
          target: ['Officials met ', { kind: 'open', id: '2' }, 'again', { kind: 'close', id: '2' }, '.', { kind: 'standalone', id: '3' }, 'Nobody spoke.'],
          state: 'initial',
        },
      ],
    });
    expect(segs(units[2]!)[1]!.source[5]).toEqual({ type: 'code', kind: 'standalone', id: '3', tag: 'lb', data: '', equiv: '<br/>' });
    expect(segs(units[2]!).map((s) => [s.line, s.column])).toEqual([
      [25, 9],
      [29, 9],
    ]);
  });

  it.each(['utf16le', 'utf16be'])('decodes UTF-16 with a BOM (%s) to the same units', (order) => {
    expect(readFixture(`omegat-kit-returned.${order}.xlf`)).toEqual(readFixture('omegat-kit-returned.xlf'));
  });

  it('Trados: sdl: extensions skipped, groups without ids flattened, g around seg mrks kept as ignorables', () => {
    const file = readFixture('trados.sdlxliff.xlf');
    expect(file).toMatchObject({ version: '1.2', srcLang: 'en-US', trgLang: 'fa-IR' });
    const [u3, u4, u5] = file.files[0]!.units;
    expect(readView(u3!, false).parts.map((p) => [p.id, p.state])).toEqual([
      ['s1', 'translated'],
      ['i1', undefined],
      ['s2', 'initial'],
    ]);
    expect(readView(u4!, false).parts).toEqual([
      { kind: 'ignorable', id: 'i1', source: [{ kind: 'open', id: 'pt1' }] },
      { kind: 'segment', id: 's1', source: ['Breaking'], target: ['فوری'], state: 'translated' },
      { kind: 'ignorable', id: 'i2', source: [{ kind: 'close', id: 'pt1' }, ' '] },
      { kind: 'segment', id: 's2', source: ['news.'], target: ['خبر.'], state: 'translated' },
    ]);
    expect(u5).toMatchObject({ id: 'u5', translate: false, parts: [{ source: [{ type: 'text', text: '<script>' }], state: 'initial' }] });
  });

  it('memoQ: mq: attributes and historical units skipped, alt-trans ignored, bpt/ept/ph keep their native code', () => {
    const units = readFixture('memoq.mqxliff.xlf').files[0]!.units;
    expect(units.map((u) => u.id)).toEqual(['u3_s1', 'u3_s2', 'u3_s3']);
    const first = segs(units[0]!)[0]!;
    expect(first.target).toEqual([
      { type: 'code', kind: 'open', id: '1', tag: 'bold', data: '<b>' },
      { type: 'text', text: 'دوشنبه' },
      { type: 'code', kind: 'close', id: '1', tag: 'bold', data: '</b>' },
      { type: 'text', text: ' گفت‌وگوها از سر گرفته شد.' },
    ]);
    expect(units[0]!.space).toBe('preserve');
    // default xml:space: the re-wrapped text is read as it stands, and the unit says so
    expect(units[1]).toMatchObject({ space: 'default', notes: ['Reviewer: check the tone.'] });
    expect(segs(units[1]!)[0]!.target).toEqual([{ type: 'text', text: 'مقامات دوباره دیدار کردند.\n          کسی سخن نگفت.' }]);
    expect(segs(units[2]!)[0]).toMatchObject({ state: 'translated', source: [{ type: 'text', text: 'Press ' }, { type: 'code', kind: 'standalone', id: '2', tag: 'kbd', data: '<kbd>Enter</kbd>' }, { type: 'text', text: ' now.' }] });
  });

  it('XLIFF 2 from another tool: groups, segments without ids, mtc:matches and extensions ignored', () => {
    const file = readFixture('xliff20-other-tool.xlf');
    expect(file).toMatchObject({ version: '2.0', srcLang: 'en-US', trgLang: 'fa-IR' });
    const unit = file.files[0]!.units[0]!;
    expect(file.files[0]).toMatchObject({ id: 'doc1', original: 'news/talks.html' });
    expect(readView(unit, true)).toEqual({
      id: 'u3',
      translate: true,
      parts: [
        {
          kind: 'segment',
          id: 's1',
          source: ['The talks resumed on ', { kind: 'open', id: '1', data: '<b>' }, 'Monday', { kind: 'close', id: '1', data: '</b>' }, '.'],
          target: ['گفت‌وگوها ', { kind: 'open', id: '1', data: '<b>' }, 'دوشنبه', { kind: 'close', id: '1', data: '</b>' }, ' از سر گرفته شد.'],
          state: 'final',
        },
        { kind: 'ignorable', id: 'i1', source: [' '] },
        { kind: 'segment', id: 's2', source: ['Officials met ', { kind: 'standalone', id: '2', data: '' }, 'again.'], target: ['مقامات ', { kind: 'standalone', id: '2', data: '' }, 'دوباره دیدار کردند.'], state: 'translated' },
        { kind: 'segment', id: 's3', source: ['Nobody spoke.'], state: 'initial' },
      ],
    });
  });

  it('reads a 1.2 file written without the XLIFF namespace', () => {
    const xml = '<xliff version="1.2"><file original="a.txt" source-language="en" target-language="fa" datatype="plaintext"><body><trans-unit id="t1"><source>Hi <x id="1"/></source><target>سلام <x id="1"/></target></trans-unit></body></file></xliff>';
    const unit = readXliff(new TextEncoder().encode(xml), 'x.xlf').files[0]!.units[0]!;
    expect(readView(unit, false).parts).toEqual([{ kind: 'segment', id: 's1', source: ['Hi ', { kind: 'standalone', id: '1' }], target: ['سلام ', { kind: 'standalone', id: '1' }], state: 'translated' }]);
  });

  it('takes the part ids a file gives and numbers the others around them', () => {
    const xml = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f"><unit id="u">
      <segment><source>a</source></segment><segment id="s1"><source>b</source></segment><ignorable><source> </source></ignorable></unit></file></xliff>`;
    const unit = readXliff(new TextEncoder().encode(xml), 'x.xlf').files[0]!.units[0]!;
    expect(unit.parts.map((p) => p.id)).toEqual(['s1-2', 's1', 'i1']);
  });
});

describe('readXliff on the shared interop examples', () => {
  const shared = sharedDir();
  if (!shared) {
    warnSkipped('reading the shared XLIFF examples', 'the shared reference folder');
    it.skip('needs the shared reference folder', () => {});
    return;
  }
  const dirs = [join(shared, 'interop', 'examples'), join(shared, 'schemas', 'examples', 'xliff-1.2'), join(shared, 'schemas', 'examples', 'xliff-2')];
  const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.xlf')).map((f) => join(d, f)));

  it.each(files.filter((f) => !/invalid-not-well-formed|namespace-with-version/u.test(f)))('reads %s', (path) => {
    const file = readXliff(readFileSync(path), path);
    expect(file.files.length).toBeGreaterThan(0);
    for (const unit of file.files.flatMap((f) => f.units)) expect(segs(unit).length).toBeGreaterThan(0);
  });

  it('reads the quirks: empty target, translate="no", approved copies, seg-source, ph/bpt/ept and protected marks', () => {
    const units = readXliff(readFileSync(join(dirs[0]!, 'quirks-en-fa.xlf')), 'quirks').files[0]!.units;
    const byId = new Map(units.map((u) => [u.id, u]));
    expect(segs(byId.get('q1')!)[0]).toMatchObject({ state: 'translated' });
    expect(segs(byId.get('q2')!)[0]).not.toHaveProperty('target');
    expect(byId.get('q3')!.translate).toBe(false);
    expect(segs(byId.get('q4')!)[0]).toMatchObject({ state: 'initial' });
    expect(segs(byId.get('q5')!).map((s) => s.id)).toEqual(['1', '2']);
    expect(byId.get('q6')!.space).toBe('preserve');
    expect(segs(byId.get('q8')!)[0]!.source.map((i) => (i.type === 'text' ? i.text : `${i.kind}:${i.id}:${i.data}`))).toEqual([
      'Press ',
      'standalone:1:{Enter}',
      ' then ',
      'open:2:<i>',
      'wait',
      'close:2:</i>',
      ' for IRGC.',
    ]);
    expect(segs(byId.get('q9')!)[0]!.target).toEqual([{ type: 'text', text: 'Unit with an alt-trans suggestion.' }]);
  });

  it('reads the XLIFF 2.1 example with its term mark, pc and ignorable', () => {
    const unit = readXliff(readFileSync(join(dirs[2]!, 'valid-2.1-glossary-inline.xlf')), 'x').files[0]!.units[0]!;
    expect(readView(unit, true).parts).toEqual([
      {
        kind: 'segment',
        id: 's1',
        source: ['The council met on ', { kind: 'open', id: '1', data: '<b>' }, 'Monday', { kind: 'close', id: '1', data: '</b>' }, '.'],
        target: ['شورا روز ', { kind: 'open', id: '1', data: '<b>' }, 'دوشنبه', { kind: 'close', id: '1', data: '</b>' }, ' تشکیل جلسه داد.'],
        state: 'translated',
      },
      { kind: 'ignorable', id: 'i1', source: [{ kind: 'standalone', id: '2', data: '<br/>' }] },
      { kind: 'segment', id: 's2', source: ['It approved the budget.'], state: 'initial' },
    ]);
  });
});
