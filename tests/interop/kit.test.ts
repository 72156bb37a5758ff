import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOmegatTsv } from '../../src/glossary/delimited/tsv.js';
import { loadGlossary } from '../../src/glossary/load.js';
import { parseTbx } from '../../src/glossary/tbx/read.js';
import type { Document } from '../../src/model/schema.js';
import { runCli } from '../helpers/cli.js';
import { dumpDocuments, extract, filesUnder, hasCommand, tempDir } from '../helpers/interop.js';
import { warnSkipped } from '../helpers/shared.js';

const ARTICLES = ['examples/text/night-of-fires.txt', 'examples/markdown/the-long-shadow-of-1988.md', 'examples/html/snapback-opinion.html'];
const GLOSSARY = ['-g', 'glossary/en-fa'];

const listing = (dir: string) => filesUnder(dir, '').map((f) => relative(dir, f)).sort();

function conceptsHit(documents: readonly Document[]): string[] {
  const ids = new Set<string>();
  for (const d of documents) for (const u of d.units) for (const p of u.parts) if (p.kind === 'segment') for (const m of p.matches ?? []) ids.add(m.conceptId);
  return [...ids].sort();
}

const statusOf = (file: ReturnType<typeof parseTbx>, lang: string) => file.entries.flatMap((c) => (c.terms[lang] ?? []).map((t) => t.status));

describe('the translator kit beside the XLIFF files', () => {
  let documents: Document[];
  let plain: string;
  let omegat: string;

  beforeAll(() => {
    documents = dumpDocuments(ARTICLES, GLOSSARY);
    plain = tempDir('kit-plain');
    extract(ARTICLES, ['--xliff', '2.1', ...GLOSSARY, '--out', plain]);
    omegat = tempDir('kit-omegat');
    extract(ARTICLES, ['--xliff', '1.2', '--kit', 'omegat', ...GLOSSARY, '--out', omegat]);
  });

  it('plain: the XLIFF files, and the glossary slice as TBX v3, martif TBX and OmegaT tab-separated UTF-8', () => {
    expect(listing(plain)).toEqual([...ARTICLES.map((a) => `${a}.xlf`), 'glossary.martif.tbx', 'glossary.tbx', 'glossary.utf8'].sort());
  });

  it('the slice holds exactly the concepts found in the documents, in every format', () => {
    const hit = conceptsHit(documents);
    expect(hit.length).toBeGreaterThan(10);
    const tbx = parseTbx(readFileSync(join(plain, 'glossary.tbx'), 'utf8'), 'glossary.tbx');
    const martif = parseTbx(readFileSync(join(plain, 'glossary.martif.tbx'), 'utf8'), 'glossary.martif.tbx');
    expect(tbx.entries.map((c) => c.id).sort()).toEqual(hit);
    expect(martif.entries).toEqual(tbx.entries);
    expect(tbx.languages).toEqual(['en', 'fa']);
    // A translator is told what not to write as well.
    expect(statusOf(tbx, 'fa')).toContain('forbidden');
    const tsv = parseOmegatTsv(readFileSync(join(plain, 'glossary.utf8'), 'utf8'), 'glossary.utf8');
    const targets = new Set(tsv.entries.flatMap((c) => c.terms.fa!.map((t) => t.text)));
    for (const concept of tbx.entries)
      for (const term of concept.terms.fa ?? []) expect(targets.has(term.text), term.text).toBe(term.status === 'preferred' || term.status === 'admitted');
  });

  it('the slice keeps what the shipped glossary says about each concept', async () => {
    const shipped = new Map((await loadGlossary(['glossary/en-fa'])).entries.map((c) => [c.id, c]));
    const tbx = parseTbx(readFileSync(join(plain, 'glossary.tbx'), 'utf8'), 'glossary.tbx');
    for (const concept of tbx.entries) {
      const original = shipped.get(concept.id)!;
      expect(concept.terms.en, concept.id).toEqual(original.terms.en);
      expect(concept.terms.fa, concept.id).toEqual(original.terms.fa);
      expect(concept.definition).toEqual(original.definition);
    }
  });

  it.skipIf(!hasCommand('xmllint'))('the TBX files are well-formed XML', () => {
    const run = spawnSync('xmllint', ['--nonet', '--noout', join(plain, 'glossary.tbx'), join(plain, 'glossary.martif.tbx'), join(omegat, 'omegat-project', 'glossary', 'glossary.martif.tbx'), join(omegat, 'omegat-project', 'omegat.project')], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
  });
  if (!hasCommand('xmllint')) warnSkipped('well-formedness of the kit TBX files', 'xmllint');

  it('omegat: a project folder with the XLIFF in source/, the slice in glossary/ and every folder OmegaT needs', () => {
    expect(listing(omegat)).toEqual(
      [
        'omegat-project/dictionary/.keep',
        'omegat-project/glossary/glossary.martif.tbx',
        'omegat-project/glossary/glossary.utf8',
        'omegat-project/omegat.project',
        'omegat-project/omegat/.keep',
        ...ARTICLES.map((a) => `omegat-project/source/${a}.xlf`),
        'omegat-project/target/.keep',
        'omegat-project/tm/.keep',
      ].sort(),
    );
    const project = readFileSync(join(omegat, 'omegat-project', 'omegat.project'), 'utf8');
    expect(project).toContain('<sentence_seg>false</sentence_seg>');
    expect(project).toContain('<source_lang>en</source_lang>');
    expect(project).toContain('<target_lang>fa</target_lang>');
    expect(project).toContain('<source_dir>__DEFAULT__</source_dir>');
    expect(project).toContain('<target_tok>org.omegat.tokenizer.LucenePersianTokenizer</target_tok>');
    for (const article of ARTICLES)
      expect(readFileSync(join(omegat, 'omegat-project', 'source', `${article}.xlf`), 'utf8')).toMatch(/^<xliff version="1\.2"/mu);
  });

  it("omegat: the project's martif file offers only terms a translator may use", () => {
    const martif = parseTbx(readFileSync(join(omegat, 'omegat-project', 'glossary', 'glossary.martif.tbx'), 'utf8'), 'glossary.martif.tbx');
    expect(martif.entries.length).toBeGreaterThan(10);
    expect(new Set([...statusOf(martif, 'en'), ...statusOf(martif, 'fa')])).toEqual(new Set(['preferred', 'admitted']));
    expect(readFileSync(join(omegat, 'omegat-project', 'glossary', 'glossary.utf8'))).toEqual(readFileSync(join(plain, 'glossary.utf8')));
  });

  it('without a glossary there is no slice; the OmegaT project still has its glossary folder', () => {
    const bare = tempDir('kit-bare');
    extract(ARTICLES, ['--xliff', '1.2', '--out', join(bare, 'plain')]);
    expect(listing(join(bare, 'plain'))).toEqual(ARTICLES.map((a) => `${a}.xlf`).sort());
    extract(ARTICLES, ['--xliff', '1.2', '--kit', 'omegat', '--out', join(bare, 'omegat')]);
    expect(existsSync(join(bare, 'omegat', 'omegat-project', 'glossary', '.keep'))).toBe(true);
  });

  it('tells how many units and words each file holds, and where the project is', () => {
    const out = tempDir('kit-messages');
    const run = runCli(['extract', ARTICLES[0]!, '--from', 'en', '--to', 'fa', '--xliff', '1.2', '--kit', 'omegat', ...GLOSSARY, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^wrote .*night-of-fires\.txt\.xlf \(10 units, 292 words to translate\)$/mu);
    expect(run.stderr).toMatch(/^wrote .*glossary\.utf8 \(glossary slice, \d+ concepts\)$/mu);
    expect(run.stderr).toContain(`wrote the OmegaT project ${join(out, 'omegat-project')}`);
    const fa = runCli(['extract', ARTICLES[0]!, '--from', 'en', '--to', 'fa', '--xliff', '1.2', '--out', tempDir('kit-fa')], { env: { LANG: 'fa_IR.UTF-8' } });
    expect(fa.stderr).toContain('(10 واحد، 292 واژه برای ترجمه)');
  });

  it('refuses an OmegaT kit in XLIFF 2, which OmegaT 3.6 cannot open, and writes nothing', () => {
    const out = join(tempDir('kit-refused'), 'out');
    const run = runCli(['extract', ARTICLES[0]!, '--from', 'en', '--to', 'fa', '--xliff', '2.1', '--kit', 'omegat', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--kit omegat needs --xliff 1.2');
    expect(existsSync(out)).toBe(false);
  });
});
