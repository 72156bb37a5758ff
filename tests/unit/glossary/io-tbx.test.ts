import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTbx, parseTbxLocated, decodeXml } from '../../../src/glossary/tbx/read.js';
import { writeTbx } from '../../../src/glossary/tbx/write.js';
import type { GlossaryFile } from '../../../src/glossary/schema.js';
import { sharedDir, warnSkipped } from '../../helpers/shared.js';
import { fixtures, problemsFrom } from './io-helpers.js';

const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

describe('TBX import', () => {
  it('reads TBX-Basic v3 with standard and tarjoman data categories', () => {
    const located = parseTbxLocated(read('tbx-basic-v3.tbx'), 'v3.tbx');
    expect(located.lines).toEqual([14, 48, 74]);
    const file = located.file;
    expect(file.languages).toEqual(['en', 'fa']);
    expect(file.domain).toBeUndefined();
    expect(file.entries).toEqual([
      {
        // Ids from other tools are brought into our alphabet.
        id: 'c-0001',
        // A subjectField that names a concept type is read as the type.
        type: 'organization',
        definition: "A branch of Iran's armed forces founded after the 1979 revolution.",
        sources: ['https://en.wikipedia.org/wiki/Islamic_Revolutionary_Guard_Corps'],
        terms: {
          en: [
            {
              text: 'Islamic Revolutionary Guard Corps',
              status: 'preferred',
              abbreviation: false,
              partOfSpeech: 'properNoun',
              context: "The Islamic Revolutionary Guard Corps ran the prisons' security.",
            },
            { text: 'IRGC', status: 'admitted', abbreviation: true },
            { text: 'Revolutionary Guards', status: 'deprecated', note: 'Informal; avoid in headlines.' },
          ],
          fa: [
            { text: 'سپاه پاسداران انقلاب اسلامی', status: 'preferred', source: 'اساسنامه\u200cی سپاه' },
            // No status and not first: admitted.
            { text: 'سپاه', status: 'admitted' },
          ],
        },
      },
      {
        id: 'c-0002',
        type: 'term',
        // The only definition is the English language section's.
        definition: 'The panel that sent prisoners to execution in 1988.',
        terms: {
          en: [
            // Inline markup inside a term is dropped, its text kept.
            { text: 'death commission', status: 'preferred', partOfSpeech: 'noun' },
            { text: 'death committee', status: 'deprecated' },
          ],
          fa: [
            { text: 'هیئت مرگ', status: 'preferred' },
            { text: 'كميته مرگ', status: 'forbidden', note: 'Arabic kaf and yeh: never in published text.' },
          ],
        },
      },
      {
        id: 'c-0003',
        type: 'person',
        note: 'Spelling agreed with the Persian desk, 2024.',
        doNotTranslate: false,
        terms: {
          en: [{ text: 'Ebrahim Raisi', status: 'preferred', case: 'sensitive' }],
          fa: [{ text: 'ابراهیم رئیسی', status: 'preferred' }],
        },
      },
    ]);
  });

  it('reads the martif shape OmegaT and memoQ write: tig, ntig/termGrp, descripGrp, lang, CDATA', () => {
    const file = parseTbx(read('martif-omegat.tbx'), 'm.tbx', { type: 'organization' });
    expect(file.languages).toEqual(['en', 'fa']);
    expect(file.entries).toEqual([
      {
        id: '1',
        type: 'organization',
        definition: 'Armed opposition group founded in 1965.',
        // The source of the definition, from its descripGrp.
        sources: ['Britannica'],
        terms: {
          en: [
            { text: "People's Mojahedin Organization of Iran", status: 'preferred' },
            { text: 'MEK', status: 'admitted', abbreviation: true, case: 'sensitive' },
          ],
          fa: [
            { text: 'سازمان مجاهدین خلق ایران', status: 'preferred' },
            { text: 'منافقین', status: 'forbidden', note: 'Pejorative name used by the state.' },
          ],
        },
      },
      {
        // No id in the file: one is made from the source term.
        id: 'evin-prison',
        type: 'organization',
        terms: {
          en: [{ text: 'Evin Prison', status: 'preferred', partOfSpeech: 'properNoun', context: 'He was held in Evin Prison for two years.' }],
          fa: [{ text: 'زندان اوین', status: 'preferred' }],
        },
      },
      {
        id: 't3',
        type: 'organization',
        terms: { en: [{ text: 'Mothers of Khavaran', status: 'preferred' }], fa: [{ text: 'مادران خاوران', status: 'preferred' }] },
      },
    ]);
  });

  it('puts --from and --to first in the languages', () => {
    expect(parseTbx(read('martif-omegat.tbx'), 'm.tbx', { from: 'fa', to: 'en' }).languages).toEqual(['fa', 'en']);
  });

  it('reads UTF-16 files with a byte order mark', () => {
    const text = read('martif-omegat.tbx').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    expect(parseTbx(decodeXml(bytes, 'u16.tbx'), 'u16.tbx').entries).toHaveLength(3);
  });

  it('refuses a DOCTYPE and undeclared entities, naming file, line and column', () => {
    expect(problemsFrom(() => parseTbx(read('bad/doctype.tbx'), 'doctype.tbx'))).toEqual([
      'doctype.tbx:2:1: the TBX file has a DOCTYPE declaration; it is refused, because entities are never expanded when a glossary is read',
    ]);
    expect(problemsFrom(() => parseTbx(read('bad/entity-declared.tbx'), 'declared.tbx'))[0]).toMatch(/^declared\.tbx:2:1: the TBX file has a DOCTYPE/u);
    expect(problemsFrom(() => parseTbx(read('bad/entity.tbx'), 'entity.tbx'))).toEqual([
      'entity.tbx:7:40: the TBX file uses the entity &xxe; which XML does not predefine; entities are never expanded when a glossary is read',
    ]);
  });

  it('refuses malformed XML, other roots and ids used twice', () => {
    expect(problemsFrom(() => parseTbx('<tbx>\n  <text>\n</tbx>', 'bad.tbx'))[0]).toMatch(/^bad\.tbx:3:\d+: the XML parser rejected the file: /u);
    expect(problemsFrom(() => parseTbx('<xliff/>', 'x.tbx'))).toEqual(['x.tbx:1:1: not a TBX file: the root element is <xliff>, not <tbx> or <martif>']);
    const twice = '<martif><text><body>\n<termEntry id="a"><langSet xml:lang="en"><tig><term>x</term></tig></langSet></termEntry>\n<termEntry id="a"><langSet xml:lang="en"><tig><term>y</term></tig></langSet></termEntry>\n</body></text></martif>';
    expect(problemsFrom(() => parseTbx(twice, 't.tbx'))).toEqual(['t.tbx:3:1: the entry id "a" is used again (first on line 2)']);
  });

  it('reports a bad value in a tarjoman data category at its element', () => {
    const text = '<tbx>\n<text><body>\n<conceptEntry id="a">\n  <descrip type="conceptType">animal</descrip>\n  <langSec xml:lang="en"><termSec><term>cat</term></termSec></langSec>\n</conceptEntry>\n</body></text></tbx>';
    expect(problemsFrom(() => parseTbx(text, 'c.tbx'))).toEqual([
      'c.tbx:4:3: entry "a": type is "animal" but must be one of: person, organization, place, event, title, term',
    ]);
  });

  it('reads the OmegaT interop example', (context) => {
    const shared = sharedDir();
    if (!shared) {
      warnSkipped('OmegaT TBX example', 'the shared interop folder');
      context.skip();
      return;
    }
    const file = parseTbx(readFileSync(join(shared, 'interop', 'examples', 'glossary-en-fa.tbx'), 'utf8'), 'glossary-en-fa.tbx');
    expect(file.languages).toEqual(['en', 'fa']);
    expect(file.entries.map((e) => e.id)).toEqual(['t1', 't2']);
    expect(file.entries[0]!.terms.en!.map((t) => [t.text, t.status])).toEqual([
      ['Islamic Revolutionary Guard Corps', 'preferred'],
      ['IRGC', 'admitted'],
    ]);
    expect(file.entries[0]!.terms.fa![0]).toEqual({ text: 'سپاه پاسداران انقلاب اسلامی', status: 'preferred', partOfSpeech: 'noun' });
    expect(file.entries[1]!.terms.fa![0]!.text).toBe('کتابخانه');
  });
});

const sample: GlossaryFile = {
  languages: ['en', 'fa'],
  domain: 'human rights',
  entries: [
    {
      id: '1988-massacre',
      type: 'event',
      definition: 'Executions of political prisoners & others, summer 1988 <Iran>.',
      note: 'line one\r\nline two',
      sources: ['https://example.org/a?x=1&y=2', ''],
      doNotTranslate: true,
      terms: {
        en: [
          { text: '1988 massacre', status: 'preferred', case: 'insensitive', abbreviation: false, partOfSpeech: 'noun', note: '', source: 'Amnesty', context: 'the "1988 massacre"' },
          { text: 'death commission', status: 'forbidden' },
        ],
        fa: [{ text: 'کشتار ۶۷', status: 'preferred' }, { text: 'قتل‌عام', status: 'deprecated' }],
      },
    },
  ],
};

describe('TBX export', () => {
  it('writes TBX-Basic v3 with the TBX namespace and reads back the same file', () => {
    const text = writeTbx(sample);
    expect(text.split('\n').slice(0, 2)).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">',
    ]);
    expect(text).toContain('<conceptEntry id="_1988-massacre">');
    expect(text).toContain('<langSec xml:lang="fa">');
    expect(text).toContain('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>\n            <termNote type="usageStatus">forbidden</termNote>');
    expect(text).toContain('<note>line one&#13;\nline two</note>');
    expect(text).not.toContain('termEntry');
    expect(parseTbx(text, 'out.tbx')).toEqual(sample);
  });

  it('writes the martif shape OmegaT reads and reads back the same file', () => {
    const text = writeTbx(sample, { shape: 'martif' });
    expect(text).toContain('<martif type="TBX" xml:lang="en">');
    expect(text).toContain('<termEntry id="_1988-massacre">');
    expect(text).toMatch(/<langSet xml:lang="en">\s*<tig>\s*<term>1988 massacre<\/term>/u);
    expect(text).not.toContain('conceptEntry');
    expect(parseTbx(text, 'out.tbx')).toEqual(sample);
  });

  it('refuses text XML cannot hold, naming the entry', () => {
    const bad: GlossaryFile = { languages: ['en'], entries: [{ id: 'x', type: 'term', note: 'bell\u0007', terms: {} }] };
    expect(problemsFrom(() => writeTbx(bad, { path: 'o.tbx' }))).toEqual(['o.tbx: entry "x" contains U+0007, a character XML cannot hold']);
  });
});
