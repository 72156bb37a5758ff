import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGlossary } from '../../src/glossary/load.js';
import { normalizeContent } from '../../src/model/content.js';
import type { Content, Document } from '../../src/model/schema.js';
import { readXliff } from '../../src/xliff/read/index.js';
import {
  dumpDocuments,
  extract,
  filesUnder,
  missingTools,
  persianizeContent,
  runOmegat,
  shared,
  standardTmx,
  tempDir,
} from '../helpers/interop.js';
import { repoRoot } from '../helpers/cli.js';

const OMEGAT_TIMEOUT = 300_000;
const ARTICLE = 'examples/markdown/the-long-shadow-of-1988.md';
const EXAMPLES = ['examples/text/night-of-fires.txt', ARTICLE, 'examples/html/oil-workers-strike.html', 'examples/html/snapback-opinion.html'];
const GLOSSARY = ['-g', 'glossary/en-fa'];

/** Codes by kind and id, text as is: the shape a CAT tool must keep. */
function shape(content: Content): string[] {
  return normalizeContent(content).map((item) => (item.type === 'text' ? `text:${item.text}` : `${item.kind}:${item.id}`));
}

/** Every segment of the documents against the same segment read back from OmegaT's output. */
function compareTargets(documents: readonly Document[], translatedFiles: Map<string, Uint8Array>): { segments: number; problems: string[] } {
  const problems: string[] = [];
  let segments = 0;
  for (const document of documents) {
    const bytes = translatedFiles.get(document.path);
    if (!bytes) {
      problems.push(`${document.path}: OmegaT wrote no target file`);
      continue;
    }
    const read = readXliff(bytes, document.path);
    const units = new Map(read.files.flatMap((f) => f.units).map((u) => [u.id, u]));
    for (const unit of document.units) {
      if (!unit.translate) continue;
      const back = units.get(unit.id);
      for (const part of unit.parts) {
        if (part.kind !== 'segment') continue;
        segments++;
        const target = back?.parts.find((p) => p.kind === 'segment' && p.id === part.id);
        const got = target?.kind === 'segment' ? target.target : undefined;
        const want = shape(persianizeContent(part.source));
        if (!got) problems.push(`${document.path} ${unit.id}/${part.id}: no target`);
        else if (JSON.stringify(shape(got)) !== JSON.stringify(want))
          problems.push(`${document.path} ${unit.id}/${part.id}: got ${JSON.stringify(shape(got))}, want ${JSON.stringify(want)}`);
      }
    }
  }
  return { segments, problems };
}

/** Persian terms of the shipped glossary that are deprecated or forbidden and never usable. */
async function bannedTargets(): Promise<Set<string>> {
  const glossary = await loadGlossary([join(repoRoot, 'glossary', 'en-fa')]);
  const terms = glossary.entries.flatMap((c) => c.terms.fa ?? []);
  const usable = new Set(terms.filter((t) => t.status === 'preferred' || t.status === 'admitted').map((t) => t.text));
  return new Set(terms.filter((t) => !usable.has(t.text)).map((t) => t.text));
}

const missing = missingTools('OmegaT 3.6 on the OmegaT kit', 'the shared reference folder', 'java', 'OmegaT.jar', 'xmllint', 'python3');

describe.skipIf(missing.length > 0)('OmegaT 3.6 on the OmegaT kit', () => {
  let kit: string;
  let documents: Document[];

  beforeAll(() => {
    kit = tempDir('omegat-kit');
    extract(EXAMPLES, ['--xliff', '1.2', '--kit', 'omegat', ...GLOSSARY, '--out', kit]);
    documents = dumpDocuments(EXAMPLES, GLOSSARY);
  });

  it(
    'omegat-roundtrip.sh fills every target of an article from a standard TMX, keeps its codes, and reads the glossary slice',
    { timeout: OMEGAT_TIMEOUT },
    async () => {
      const work = tempDir('omegat-rt');
      const article = documents.find((d) => d.path === ARTICLE)!;
      const tmx = join(work, 'article.tmx');
      writeFileSync(tmx, standardTmx([article]));
      const project = join(kit, 'omegat-project');
      const xlf = join(project, 'source', `${ARTICLE}.xlf`);
      const glossaries = [join(project, 'glossary', 'glossary.utf8'), join(project, 'glossary', 'glossary.martif.tbx')];
      const run = spawnSync(join(shared!, 'interop', 'omegat-roundtrip.sh'), [xlf, tmx, join(work, 'out'), ...glossaries], {
        encoding: 'utf8',
        env: { ...process.env, OMEGAT_TMX_LEVEL2: '1' },
        timeout: OMEGAT_TIMEOUT - 10_000,
      });
      const report = `${run.stdout}\n${run.stderr}`;
      // The probe lists every glossary entry; failure messages show the summary lines only.
      const brief = report.split('\n').filter((l) => !l.startsWith('  ')).join('\n');
      expect(run.status, brief).toBe(0);
      const summary = /: (\d+)\/(\d+) targets filled by OmegaT .*inline_codes_kept=(\d+)\/(\d+).* wellformed=(\w+) schema=(\w+)/u.exec(run.stdout);
      expect(summary, brief).not.toBeNull();
      const [, filled, total, codesKept, codes, wellformed, schema] = summary!;
      expect(Number(total), brief).toBeGreaterThan(0);
      expect(filled, brief).toBe(total);
      expect(Number(codes), brief).toBeGreaterThan(0);
      expect(codesKept, brief).toBe(codes);
      expect(wellformed, brief).toBe('yes');
      // Checked softly, so a schema problem of the kit itself does not hide what OmegaT did with it.
      expect.soft(schema, `OmegaT's output is schema-valid XLIFF 1.2\n${brief}`).toBe('VALID');

      // OmegaT's own readers see one entry per usable source/target pair in either file, and no forbidden term.
      const rows = readFileSync(glossaries[0]!, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).length;
      expect(rows).toBeGreaterThan(0);
      expect(brief).toMatch(new RegExp(`GLOSSARY glossary\\.utf8: ${rows} entries`, 'u'));
      expect(brief).toMatch(new RegExp(`GLOSSARY glossary\\.martif\\.tbx: ${rows} entries`, 'u'));
      const offered = [...report.matchAll(/^ {2}.* => (.*?) \|/gmu)].map((m) => m[1]);
      expect(offered.length).toBe(2 * rows);
      const banned = await bannedTargets();
      expect(banned.size).toBeGreaterThan(0);
      expect(offered.filter((term) => banned.has(term!))).toEqual([]);

      const translated = new Map([[ARTICLE, readFileSync(join(work, 'out', `${ARTICLE.split('/').pop()}.xlf`))]]);
      const { segments, problems } = compareTargets([article], translated);
      expect(segments).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      rmSync(work, { recursive: true, force: true });
    },
  );

  it(
    'opens the kit project folder as written, translates every document into target/, and loads both glossary files',
    { timeout: OMEGAT_TIMEOUT },
    () => {
      const work = tempDir('omegat-project');
      const project = join(work, 'project');
      cpSync(join(kit, 'omegat-project'), project, { recursive: true });
      // A translator drops a memory into tm/auto/ to have OmegaT fill exact matches on load.
      mkdirSync(join(project, 'tm', 'auto'));
      writeFileSync(join(project, 'tm', 'auto', 'examples.tmx'), standardTmx(documents));
      const probe = join(shared!, 'interop', 'lib', 'omegat-glossary-probe.groovy');
      const run = runOmegat(project, ['--mode=console-translate', `--script=${probe}`], { tmxLevel2: true });
      const report = `${run.stdout}\n${run.stderr}`;
      expect(run.status, report).toBe(0);

      const translated = new Map<string, Uint8Array>();
      for (const file of filesUnder(join(project, 'target'), '.xlf'))
        translated.set(file.slice(join(project, 'target').length + 1, -'.xlf'.length), readFileSync(file));
      expect([...translated.keys()].sort()).toEqual([...EXAMPLES].sort());
      const { segments, problems } = compareTargets(documents, translated);
      expect(segments).toBeGreaterThan(100);
      expect(problems).toEqual([]);

      const probed = readFileSync(join(project, 'omegat', 'glossary-probe.txt'), 'utf8');
      expect(probed).toMatch(/^GLOSSARY glossary\.utf8: [1-9]\d* entries$/mu);
      expect(probed).toMatch(/^GLOSSARY glossary\.martif\.tbx: [1-9]\d* entries$/mu);
      rmSync(work, { recursive: true, force: true });
    },
  );
});
