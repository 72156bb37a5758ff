import { describe, expect, it } from 'vitest';
import type { Document, Inline, InlineCode, Unit } from '../../../src/model/schema.js';
import { plainText } from '../../../src/model/content.js';
import { readXliff } from '../../../src/xliff/read/index.js';
import { checkXliff } from '../../../src/xliff/check/index.js';
import { writeXliff, XLIFF_VERSIONS } from '../../../src/xliff/write.js';
import { TarjomanError } from '../../../src/model/located-error.js';

const t = (text: string): Inline => ({ type: 'text', text });
const code = (kind: InlineCode['kind'], id: string, tag: string, data: string): InlineCode => ({ type: 'code', kind, id, tag, data });

function doc(units: Unit[]): Document {
  return { path: 'news/a.html', format: 'html', sourceLang: 'en', targetLang: 'fa', sha256: 'a'.repeat(64), units, skeleton: { pieces: [], meta: {} } };
}

const bold = [code('open', '1', 'b', '<b>'), code('close', '1', 'b', '</b>')] as const;

/** One unit whose bold run spans two sentences, a term that crosses the bold, a CR and a control character. */
const unit: Unit = {
  id: 'u1',
  kind: 'paragraph',
  translate: true,
  context: { element: 'p', line: 3, column: 1 },
  notes: [],
  parts: [
    { kind: 'segment', id: 's1', state: 'translated', source: [t('The National '), bold[0], t('Council met.')], target: [t('شورای ملی '), bold[0], t('تشکیل جلسه داد.')], matches: [{ conceptId: 'org.ncri', start: 4, end: 20, text: 'National Council' }] },
    { kind: 'ignorable', id: 'i1', source: [t(' ')] },
    { kind: 'segment', id: 's2', state: 'initial', source: [t('Then\r\nit ended'), bold[1], t('.')] },
  ],
};

describe('XLIFF writers', () => {
  it.each(XLIFF_VERSIONS)('%s: writes what the reader gets back, and the checker finds nothing', (version) => {
    const xml = writeXliff(doc([unit]), { version, toolVersion: '0.0.0', glossary: () => ({ translations: ['شورای ملی مقاومت'], forbidden: [] }) });
    const bytes = new TextEncoder().encode(xml);
    expect(checkXliff(bytes, 'a.xlf').filter((f) => f.severity === 'error')).toEqual([]);
    const read = readXliff(bytes, 'a.xlf');
    expect(read.trgLang ?? read.files[0]!.trgLang).toBe('fa');
    const [u] = read.files[0]!.units;
    const segs = u!.parts.filter((p) => p.kind === 'segment');
    expect(segs.map((s) => plainText(s.source))).toEqual(['The National Council met.', 'Then\r\nit ended.']);
    expect(segs[0]!.target && plainText(segs[0]!.target)).toBe('شورای ملی تشکیل جلسه داد.');
    expect(segs[0]!.state).toBe('translated');
    const codes = segs.flatMap((s) => s.source.filter((i) => i.type === 'code').map((c) => (c.type === 'code' ? `${c.kind}:${c.id}` : '')));
    expect(codes).toEqual(['open:1', 'close:1']);
    expect(read.files[0]!.sha256).toBe('a'.repeat(64));
  });

  it('marks a term that crosses a paired code with start/end markers in XLIFF 2, and keeps the CR', () => {
    const xml = writeXliff(doc([unit]), { version: '2.1', toolVersion: '0.0.0' });
    // a pair split across sentences is written as sc/ec, which a term may contain
    expect(xml).toContain('The <mrk id="m1" type="term">National <sc id="1" dataRef="d1" type="fmt" subType="xlf:b"/>Council</mrk> met.');
    expect(xml).toContain('<ec startRef="1" dataRef="d2" type="fmt" subType="xlf:b"/>');
    const crossing: Unit = {
      ...unit,
      parts: [{ kind: 'segment', id: 's1', state: 'initial', source: [t('The '), bold[0], t('National'), bold[1], t(' Council met.')], matches: [{ conceptId: 'org.ncri', start: 4, end: 20, text: 'National Council' }] }],
    };
    const crossed = writeXliff(doc([crossing]), { version: '2.1', toolVersion: '0.0.0' });
    expect(crossed).toContain('The <pc id="1" dataRefStart="d1" dataRefEnd="d2" type="fmt" subType="xlf:b"><sm id="m1" type="term"/>National</pc> Council<em startRef="m1"/> met.');
    expect(checkXliff(new TextEncoder().encode(crossed), 'c.xlf').filter((f) => f.severity === 'error')).toEqual([]);
    expect(xml).toContain('Then&#13;\nit ended');
  });

  it('writes a character XML cannot hold as <cp/> in XLIFF 2 and refuses it in XLIFF 1.2, naming the unit', () => {
    const bell: Unit = { ...unit, parts: [{ kind: 'segment', id: 's1', state: 'initial', source: [t('ring\u0007')] }] };
    expect(writeXliff(doc([bell]), { version: '2.0', toolVersion: '0' })).toContain('ring<cp hex="0007"/>');
    try {
      writeXliff(doc([bell]), { version: '1.2', toolVersion: '0' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TarjomanError);
      expect((error as TarjomanError).location).toEqual({ file: 'news/a.html', unitId: 'u1' });
      expect((error as TarjomanError).params).toEqual({ code: 'U+0007' });
    }
  });

  it('gives the OmegaT kit one trans-unit per sentence with the source copied into the target', () => {
    const xml = writeXliff(doc([unit]), { version: '1.2', toolVersion: '0', kit: 'omegat' });
    expect(xml).toContain('<group id="u1">');
    expect(xml).toMatch(/<trans-unit id="u1_s2" xml:space="preserve">\s*<source>Then&#13;\nit ended<it id="1" pos="close" ctype="bold">&lt;\/b&gt;<\/it>\.<\/source>\s*<target state="needs-translation" xml:lang="fa">Then&#13;\nit ended<it id="1" pos="close" ctype="bold">&lt;\/b&gt;<\/it>\.<\/target>/u);
  });

  it('is deterministic', () => {
    const a = writeXliff(doc([unit]), { version: '2.1', toolVersion: '1' });
    expect(writeXliff(doc([structuredClone(unit)]), { version: '2.1', toolVersion: '1' })).toBe(a);
  });
});
