import { mkdtempSync, readFileSync, statSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerGlossary } from '../../../src/cli/glossary.js';
import { setLocale } from '../../../src/i18n/index.js';
import { parseGlossaryYaml } from '../../../src/glossary/native/yaml.js';
import { parseTbx } from '../../../src/glossary/tbx/read.js';
import { parseGlossaryCsv } from '../../../src/glossary/delimited/csv.js';
import { fixtures } from './io-helpers.js';
import { runCommand } from '../../helpers/run-command.js';

const run = (...args: string[]) => runCommand(registerGlossary, args);

const tmp = () => mkdtempSync(join(tmpdir(), 'tarjoman-glossary-cli-'));

afterEach(() => setLocale('en'));

describe('tarjoman glossary', () => {
  it('validate: reports ok, or every problem with its location and exit 1', async () => {
    const ok = await run('glossary', 'validate', join(fixtures, 'native'));
    expect(ok).toEqual({ code: 0, stdout: 'no problems (entries: 3, files: 2)\n', stderr: '' });

    const bad = await run('glossary', 'validate', join(fixtures, 'bad', 'several-errors.yaml'), join(fixtures, 'duplicate-ids'));
    expect(bad.code).toBe(1);
    const lines = bad.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]).toBe(`error: ${join(fixtures, 'bad', 'several-errors.yaml')}:12:9: entry "Bad_ID": id "Bad_ID" may hold only lower-case Latin letters, digits, "-" and ".", and must start with a letter or digit`);
    expect(lines[7]).toContain('the concept id "ebrahim-raisi" is used in two files');
    expect(lines[8]).toBe('error: 8 problems found; nothing was written');
  });

  it('speaks Persian', async () => {
    setLocale('fa');
    const bad = await run('glossary', 'validate', join(fixtures, 'bad', 'duplicate-in-file.yaml'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('مدخل «evin»: id: این شناسه را مدخل سطر 3 پیش‌تر به کار برده است');
  });

  it('import: TBX to native YAML, with the schema comment when a schema is near, never touching the input', async () => {
    const dir = tmp();
    const input = join(dir, 'in.tbx');
    copyFileSync(join(fixtures, 'martif-omegat.tbx'), input);
    const before = readFileSync(input);
    const mtime = statSync(input).mtimeMs;
    writeFileSync(join(dir, 'schema.json'), '{}');
    const out = join(dir, 'en-fa', 'imported.yaml');
    const result = await run('glossary', 'import', input, '--out', out, '--type', 'organization', '--from', 'en', '--to', 'fa');
    expect(result).toEqual({ code: 0, stdout: `3 entries written to ${out}\n`, stderr: '' });
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema.json');
    const file = parseGlossaryYaml(text, out);
    expect(file.entries.map((e) => [e.id, e.type])).toEqual([
      ['1', 'organization'],
      ['evin-prison', 'organization'],
      ['t3', 'organization'],
    ]);
    expect(readFileSync(input)).toEqual(before);
    expect(statSync(input).mtimeMs).toBe(mtime);
    // The atomic write leaves no temporary file behind.
    expect(readdirSync(join(dir, 'en-fa'))).toEqual(['imported.yaml']);
  });

  it('import: TSV with languages, and refuses to write over its input', async () => {
    const dir = tmp();
    const out = join(dir, 'tsv.yaml');
    expect((await run('glossary', 'import', join(fixtures, 'omegat.txt'), '-o', out)).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('yaml-language-server');
    expect(parseGlossaryYaml(text, out).entries).toHaveLength(5);

    const input = join(dir, 'g.csv');
    copyFileSync(join(fixtures, 'header.csv'), input);
    const same = await run('glossary', 'import', input, '--out', input, '--format', 'csv');
    expect(same.code).toBe(1);
    expect(same.stderr).toBe(`error: ${input}: the output file is one of the input files; choose another --out\n`);
    expect(readFileSync(input)).toEqual(readFileSync(join(fixtures, 'header.csv')));
  });

  it('import: a bad input is an error with its location, and nothing is written', async () => {
    const dir = tmp();
    const out = join(dir, 'x.yaml');
    const result = await run('glossary', 'import', join(fixtures, 'bad', 'entity.tbx'), '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/entity\.tbx:7:40: the TBX file uses the entity &xxe;/u);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('export: TBX, martif, CSV and TSV from native files', async () => {
    const dir = tmp();
    const native = join(fixtures, 'native');
    for (const to of ['tbx', 'martif', 'csv', 'tsv']) {
      const out = join(dir, `out.${to}`);
      const result = await run('glossary', 'export', native, '--to', to, '--out', out);
      expect(result, to).toEqual({ code: 0, stdout: `3 entries written to ${out}\n`, stderr: '' });
    }
    const tbx = parseTbx(readFileSync(join(dir, 'out.tbx'), 'utf8'), 'out.tbx');
    expect(tbx.entries.map((e) => e.id)).toEqual(['mek', 'ebrahim-raisi', 'hossein-ali-montazeri']);
    expect(readFileSync(join(dir, 'out.martif'), 'utf8')).toContain('<martif type="TBX" xml:lang="en">');
    expect(parseGlossaryCsv(readFileSync(join(dir, 'out.csv'), 'utf8'), 'out.csv').entries).toEqual(tbx.entries);
    expect(readFileSync(join(dir, 'out.tsv'), 'utf8').split('\n')).toContain("MEK\tسازمان مجاهدین خلق ایران\t");

    const fa = await run('glossary', 'export', native, '--to', 'tsv', '--out', join(dir, 'fa.tsv'), '--source-lang', 'fa', '--target-lang', 'en');
    expect(fa.code).toBe(0);
    expect(readFileSync(join(dir, 'fa.tsv'), 'utf8').split('\n')[0]).toBe("سازمان مجاهدین خلق ایران\tPeople's Mojahedin Organization of Iran\t");
  });

  it('export: refuses an unknown format and an output that is an input', async () => {
    const usage = await run('glossary', 'export', join(fixtures, 'native'), '--to', 'docx', '--out', join(tmp(), 'x'));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('docx');
    const same = await run('glossary', 'export', join(fixtures, 'native'), '--to', 'csv', '--out', join(fixtures, 'native', 'people.yaml'));
    expect(same.code).toBe(1);
    expect(same.stderr).toContain('the output file is one of the input files');
  });

  it('stats: entries per type, terms per language and status, abbreviations, do-not-translate', async () => {
    const text = await run('glossary', 'stats', join(fixtures, 'native'));
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      [
        'entries: 3 (files: 2)',
        '  person: 2',
        '  organization: 1',
        'terms:',
        '  en: 5 (preferred 3, admitted 2, deprecated 0, forbidden 0)',
        '  fa: 4 (preferred 3, admitted 0, deprecated 0, forbidden 1)',
        'abbreviations: 1',
        'do not translate: 0',
        '',
      ].join('\n'),
    );
    const json = await run('glossary', 'stats', join(fixtures, 'native'), join(fixtures, 'tbx-basic-v3.tbx'), '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      files: 3,
      entries: 6,
      byType: { person: 3, organization: 2, term: 1 },
      terms: { en: { preferred: 6, admitted: 3, deprecated: 2, forbidden: 0 }, fa: { forbidden: 2 } },
      abbreviations: 2,
      doNotTranslate: 0,
    });
  });

  it('prints help for the command and its subcommands', async () => {
    const help = await run('glossary', '--help');
    expect(help.code).toBe(0);
    for (const sub of ['validate', 'import', 'export', 'stats']) expect(help.stdout).toContain(sub);
    const importHelp = await run('glossary', 'import', '--help');
    expect(importHelp.stdout).toContain('--out <file>');
  });
});
