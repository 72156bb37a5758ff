import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { combineGlossaryFiles, glossaryFormatOf, loadGlossary, loadGlossaryFiles } from '../../../src/glossary/load.js';
import { fixtures, problemsFromAsync } from './io-helpers.js';

describe('loading a glossary from paths', () => {
  it('loads a folder of native files, remembering where each concept came from', async () => {
    const glossary = await loadGlossary([join(fixtures, 'native')]);
    expect(glossary.languages).toEqual(['en', 'fa']);
    // Files in name order: organizations.yml before people.yaml.
    expect(glossary.entries.map((e) => e.id)).toEqual(['mek', 'ebrahim-raisi', 'hossein-ali-montazeri']);
    expect(glossary.origins.get('mek')).toEqual({ file: join(fixtures, 'native', 'organizations.yml'), line: 5 });
    expect(glossary.origins.get('hossein-ali-montazeri')).toEqual({ file: join(fixtures, 'native', 'people.yaml'), line: 15 });
  });

  it('mixes formats, and reads a file named twice once', async () => {
    const files = await loadGlossaryFiles([
      join(fixtures, 'native'),
      join(fixtures, 'native', 'people.yaml'),
      join(fixtures, 'tbx-basic-v3.tbx'),
      join(fixtures, 'header.csv'),
    ]);
    expect(files.map((f) => f.path.slice(fixtures.length + 1))).toEqual([
      join('native', 'organizations.yml'),
      join('native', 'people.yaml'),
      'tbx-basic-v3.tbx',
      'header.csv',
    ]);
    const combined = combineGlossaryFiles(files);
    expect(combined.entries).toHaveLength(2 + 1 + 3 + 3);
    expect(combined.domain).toBeUndefined();
  });

  it('refuses a concept id used in two files, naming both', async () => {
    const a = join(fixtures, 'duplicate-ids', 'a.yaml');
    const b = join(fixtures, 'duplicate-ids', 'b.yaml');
    expect(await problemsFromAsync(() => loadGlossary([join(fixtures, 'duplicate-ids')]))).toEqual([
      `${b}:9: the concept id "ebrahim-raisi" is used in two files: ${a}:5 and ${b}`,
    ]);
  });

  it('collects the problems of every file before failing', async () => {
    const problems = await problemsFromAsync(() =>
      loadGlossary([join(fixtures, 'bad', 'syntax.yaml'), join(fixtures, 'bad', 'unknown-column.csv'), join(fixtures, 'bad', 'doctype.tbx')]),
    );
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('syntax.yaml:');
    expect(problems[1]).toContain('unknown-column.csv:1:15: unknown column "fa_stauts"');
    expect(problems[2]).toContain('doctype.tbx:2:1:');
  });

  it('names missing files, empty folders and unknown extensions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarjoman-glossary-'));
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'terms.docx'), 'x');
    expect(await problemsFromAsync(() => loadGlossary([join(dir, 'missing.yaml')]))).toEqual([`${join(dir, 'missing.yaml')}: cannot read the file: ENOENT`]);
    expect(await problemsFromAsync(() => loadGlossary([join(dir, 'empty')]))).toEqual([
      `${join(dir, 'empty')}: the folder holds no native glossary files (.yaml or .yml)`,
    ]);
    expect((await problemsFromAsync(() => loadGlossary([join(dir, 'terms.docx')])))[0]).toMatch(/terms\.docx: cannot tell the glossary format of a file ending in "\.docx"/u);
    expect(['a.yaml', 'a.YML', 'a.tbx', 'a.csv', 'a.tsv', 'a.txt', 'a.utf8'].map(glossaryFormatOf)).toEqual(['yaml', 'yaml', 'tbx', 'csv', 'tsv', 'tsv', 'tsv']);
  });
});
