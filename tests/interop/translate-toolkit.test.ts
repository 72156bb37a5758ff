import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/schema.js';
import { xliffPathFor } from '../../src/xliff/kit/index.js';
import { countWords, documentCounts } from '../../src/xliff/kit/words.js';
import { writeXliff } from '../../src/xliff/write.js';
import { translated } from '../helpers/translate.js';
import { corpus, dumpDocuments, extract, filesUnder, missingTools, persianize, shared, tempDir, TTK_PYTHON } from '../helpers/interop.js';

/*
 * What pocount counts, and so what we count: the trans-units that are translatable (no
 * translate="no"), and the words of each one's <source> as plain text (codes dropped, the text
 * inside <g> kept), by Translate Toolkit's wordcount() (see src/xliff/kit/words.ts).
 */

const GLOSSARY = ['-g', 'glossary/en-fa'];

/** pocount --csv: file → [units, source words], from the "Total" columns. */
function pocountCsv(files: readonly string[]): Map<string, [number, number]> {
  const run = spawnSync('pocount', ['--csv', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0 || run.stderr.trim()) throw new Error(`pocount failed (${run.status}): ${run.stderr}`);
  const counts = new Map<string, [number, number]>();
  for (const line of run.stdout.split('\n').slice(1)) {
    const fields = line.split(',').map((f) => f.trim());
    if (fields.length < 10) continue;
    counts.set(fields[0]!, [Number(fields[8]), Number(fields[9])]);
  }
  return counts;
}

const missing = missingTools('Translate Toolkit on XLIFF 1.2', 'pocount', 'pofilter', 'Translate Toolkit for python3');

describe.skipIf(missing.length > 0)('Translate Toolkit reads the XLIFF 1.2 files', () => {
  let out: string;
  let stderr: string;
  let documents: Document[];

  beforeAll(() => {
    const seeds = shared ? filesUnder(join(shared, 'seeds'), '.txt') : [];
    const files = [...corpus(), ...seeds];
    out = tempDir('ttk');
    stderr = extract(files, ['--xliff', '1.2', ...GLOSSARY, '--out', out]);
    documents = dumpDocuments(files, GLOSSARY);
  });

  it('pocount counts the same translatable units and source words as we do, file by file', () => {
    expect(documents.length).toBeGreaterThan(30);
    const files = filesUnder(out, '.xlf');
    expect(files).toHaveLength(documents.length);
    const counted = pocountCsv(files);
    const ours = new Map(documents.map((d) => [join(out, xliffPathFor(d.path)), documentCounts(d)]));
    const mismatches: string[] = [];
    let [units, words] = [0, 0];
    for (const file of files) {
      const theirs = counted.get(file);
      const mine = ours.get(file);
      if (!theirs || !mine || theirs[0] !== mine.units || theirs[1] !== mine.words)
        mismatches.push(`${relative(out, file)}: pocount ${theirs?.join('/')} units/words, ours ${mine?.units}/${mine?.words}`);
      units += mine?.units ?? 0;
      words += mine?.words ?? 0;
    }
    expect(mismatches).toEqual([]);
    expect(units).toBeGreaterThan(300);
    expect(words).toBeGreaterThan(3000);
    console.info(`pocount and tarjoman agree: ${files.length} files, ${units} units, ${words} source words`);
  });

  it('extract reports the same counts pocount makes', () => {
    const counted = pocountCsv(filesUnder(out, '.xlf'));
    const reported = [...stderr.matchAll(/^wrote (.+\.xlf) \((\d+) units, (\d+) words/gmu)];
    expect(reported).toHaveLength(documents.length);
    for (const [, file, units, words] of reported) expect([Number(units), Number(words)], file).toEqual(counted.get(file!));
  });

  it('our word count is Translate Toolkit wordcount() on the awkward cases', () => {
    const cases = [
      'e.g. this',
      'U.S.A. is',
      '۳.۵ and 3.5 and a.b',
      '<b>bold</b> text',
      'a<br/>b',
      '— dash —',
      '«سلام» دنیا، خوب؟',
      'x<a href="y\nz">q</a>',
      'tab\there\u00a0nbsp',
      'می‌شود',
      '<é>word</é>',
      '<br  />x',
      '...',
      'a . b',
      '1.5.2',
      'x\u2009y',
      '\ufeffz y',
      'PMOI/MEK’s',
    ];
    const script = 'import json,sys\nfrom translate.tools.pocount import wordcount\nprint(json.dumps([wordcount(s) for s in json.load(sys.stdin)]))';
    const run = spawnSync(TTK_PYTHON, ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(cases.map(countWords)).toEqual(JSON.parse(run.stdout));
  });

  it('pofilter checks the files, as extracted and with Persian targets, without failing', () => {
    const persian = join(tempDir('ttk-fa'), 'in');
    for (const document of documents) {
      const file = join(persian, `${document.path.replace(/\//gu, '_')}.xlf`);
      mkdirSync(persian, { recursive: true });
      writeFileSync(file, writeXliff(translated(document, persianize), { version: '1.2', toolVersion: 'test' }));
    }
    for (const input of [out, persian]) {
      const run = spawnSync('pofilter', ['--progress=none', '--excludefilter=spellcheck', '--language=fa', '-i', input, '-o', `${input}.pofilter`], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/Traceback|Error/u);
    }
    // With targets, pofilter has something to check: the digits it takes for other numbers, at least.
    const flagged = filesUnder(`${persian}.pofilter`, '.xlf');
    expect(flagged.length).toBeGreaterThan(0);
  });
});
