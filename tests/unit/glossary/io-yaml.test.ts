import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossaryJsonSchemaText } from '../../../src/glossary/native/json-schema.js';
import {
  MAX_ALIAS_COUNT,
  parseGlossaryYaml,
  parseGlossaryYamlLocated,
  readGlossaryFile,
  writeGlossaryYaml,
  yamlSchemaRef,
} from '../../../src/glossary/native/yaml.js';
import type { GlossaryFile } from '../../../src/glossary/schema.js';
import { repoRoot } from '../../helpers/cli.js';
import { fixtures, problemsFrom } from './io-helpers.js';

const read = (name: string) => readFileSync(join(fixtures, name), 'utf8');

describe('native YAML glossary files', () => {
  it('reads a file, with defaults filled and the line of each entry', async () => {
    const file = await readGlossaryFile(join(fixtures, 'native', 'people.yaml'));
    expect(file.languages).toEqual(['en', 'fa']);
    expect(file.domain).toBe('human rights');
    expect(file.entries.map((e) => e.id)).toEqual(['ebrahim-raisi', 'hossein-ali-montazeri']);
    expect(file.entries[0]!.terms.en).toEqual([{ text: 'Ebrahim Raisi', status: 'preferred', case: 'sensitive' }]);
    // ZWNJ inside a Persian name is part of the word and must survive untouched.
    expect(file.entries[1]!.terms.fa![0]!.text).toBe('حسین\u200cعلی منتظری');
    const located = parseGlossaryYamlLocated(read('native/people.yaml'), 'people.yaml');
    expect(located.lines).toEqual([5, 15]);
  });

  it('reports every problem with file, line, column and entry id', () => {
    expect(problemsFrom(() => parseGlossaryYaml(read('bad/several-errors.yaml'), 'several-errors.yaml'))).toEqual([
      'several-errors.yaml:12:9: entry "Bad_ID": id "Bad_ID" may hold only lower-case Latin letters, digits, "-" and ".", and must start with a letter or digit',
      'several-errors.yaml:20:5: entry "wrong-status": unknown field colour',
      'several-errors.yaml:24:19: entry "wrong-status": terms.en[0].status is "preferrred" but must be one of: preferred, admitted, deprecated, forbidden',
      'several-errors.yaml:25:11: entry "wrong-status": terms.fa must have at least one item',
      'several-errors.yaml:27:5: entry "no-type": type is missing',
      'several-errors.yaml:30:17: entry "no-type": terms.en[0].text must not be empty',
      'several-errors.yaml:31:7: entry "no-type": terms.de: "de" is not one of the file\'s languages (en, fa)',
    ]);
  });

  it('reports YAML syntax errors and duplicate keys at their line', () => {
    expect(problemsFrom(() => parseGlossaryYaml(read('bad/syntax.yaml'), 'syntax.yaml'))[0]).toMatch(/^syntax\.yaml:\d+:\d+: YAML syntax error: /u);
    const duplicateKey = 'languages: [en]\nentries: []\nlanguages: [fa]\n';
    expect(problemsFrom(() => parseGlossaryYaml(duplicateKey, 'k.yaml'))[0]).toMatch(/^k\.yaml:3:1: YAML syntax error: Map keys must be unique/u);
  });

  it('names the entry by number when its id is missing, and the file when it is empty', () => {
    const text = 'languages: [en]\nentries:\n  - type: term\n    terms: { en: [{ text: x }] }\n';
    expect(problemsFrom(() => parseGlossaryYaml(text, 'n.yaml'))).toEqual(['n.yaml:3:5: entry number 1: id is missing']);
    expect(problemsFrom(() => parseGlossaryYaml('# nothing here\n', 'e.yaml'))).toEqual([
      'e.yaml: the file is empty: a glossary file needs languages and entries',
    ]);
  });

  it('refuses ids used twice in one file, naming the first line', () => {
    expect(problemsFrom(() => parseGlossaryYaml(read('bad/duplicate-in-file.yaml'), 'd.yaml'))).toEqual([
      'd.yaml:7:9: entry "evin": id: this id is already used by the entry on line 3',
    ]);
  });

  it('does not expand an alias bomb', () => {
    const started = Date.now();
    expect(problemsFrom(() => parseGlossaryYaml(read('bad/aliases.yaml'), 'a.yaml'))).toEqual([
      `a.yaml: the file uses more than ${MAX_ALIAS_COUNT} YAML aliases; more are refused so that a small file cannot expand into a huge one`,
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
    // A few anchors are fine.
    const few = 'languages: &langs [en, fa]\nentries:\n  - id: a\n    type: term\n    terms:\n      en: &t [{ text: x }]\n      fa: *t\n';
    expect(parseGlossaryYaml(few, 'f.yaml').entries[0]!.terms.fa).toEqual([{ text: 'x', status: 'preferred' }]);
  });

  it('writes stable, readable YAML that reads back the same', () => {
    const file: GlossaryFile = {
      languages: ['en', 'fa'],
      entries: [
        {
          id: 'mek',
          type: 'organization',
          note: 'Also: "the Organization"',
          sources: ['https://example.org/mek'],
          doNotTranslate: false,
          terms: {
            en: [
              { text: 'MEK', status: 'preferred', case: 'sensitive', abbreviation: true },
              { text: 'Mojahedin', status: 'admitted', partOfSpeech: 'properNoun' },
            ],
            fa: [{ text: 'مجاهدین خلق', status: 'preferred', note: 'خط اول\nخط دوم' }],
          },
        },
        { id: '1988', type: 'event', terms: { en: [{ text: 'yes', status: 'forbidden' }] } },
      ],
    };
    const text = writeGlossaryYaml(file);
    expect(text).toBe(
      [
        '# yaml-language-server: $schema=../schema.json',
        '',
        'languages: [en, fa]',
        'entries:',
        '  - id: mek',
        '    type: organization',
        '    note: \'Also: "the Organization"\'',
        '    sources:',
        '      - https://example.org/mek',
        '    doNotTranslate: false',
        '    terms:',
        '      en:',
        '        - text: MEK',
        '          status: preferred',
        '          case: sensitive',
        '          abbreviation: true',
        '        - text: Mojahedin',
        '          status: admitted',
        '          partOfSpeech: properNoun',
        '      fa:',
        '        - text: مجاهدین خلق',
        '          status: preferred',
        '          note: |-',
        '            خط اول',
        '            خط دوم',
        '',
        '  - id: "1988"',
        '    type: event',
        '    terms:',
        '      en:',
        '        - text: yes',
        '          status: forbidden',
        '',
      ].join('\n'),
    );
    expect(parseGlossaryYaml(text, 'w.yaml')).toEqual(file);
    expect(writeGlossaryYaml(parseGlossaryYaml(text, 'w.yaml'))).toBe(text);
  });

  it('keeps the editor schema comment', () => {
    const original = read('native/people.yaml');
    const ref = yamlSchemaRef(original);
    expect(ref).toBe('../../../../glossary/schema.json');
    const rewritten = writeGlossaryYaml(parseGlossaryYaml(original, 'p.yaml'), { schemaRef: ref! });
    expect(rewritten.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../glossary/schema.json');
    expect(writeGlossaryYaml({ languages: ['en'], entries: [] }, { schemaRef: null })).not.toContain('yaml-language-server');
  });

  it('has a committed JSON Schema equal to the one generated from the model (npm run glossary:schema)', () => {
    const committed = readFileSync(join(repoRoot, 'glossary', 'schema.json'), 'utf8');
    expect(committed).toBe(glossaryJsonSchemaText());
    const schema = JSON.parse(committed) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(['languages', 'domain', 'entries']);
    expect(schema.required).toEqual(['languages', 'entries']);
  });
});
