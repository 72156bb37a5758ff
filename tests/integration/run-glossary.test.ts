import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

const PIPELINE = 'pipelines/news-en-fa.yaml';

/** A copy of the project whose pipeline only extracts, so the test is about the kits alone. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tarjoman-glossary-run-'));
  for (const folder of ['examples', 'glossary', 'pipelines']) cpSync(join(repoRoot, folder), join(dir, folder), { recursive: true });
  const pipeline = readFileSync(join(dir, PIPELINE), 'utf8').replace(/^  inbox: .*$/m, '  inbox: work/inbox');
  writeFileSync(join(dir, PIPELINE), pipeline);
  return dir;
}

function run(dir: string): Record<string, string[]> {
  const result = runCli(['run', PIPELINE, '--json'], { cwd: dir });
  expect(result.status, result.stderr).toBe(0);
  const out: Record<string, string[]> = {};
  for (const line of result.stdout.trim().split('\n')) {
    const event = JSON.parse(line) as { event: string; document: string };
    (out[event.document] ??= []).push(event.event);
  }
  return out;
}

function outbox(dir: string, sub = join(dir, 'work/outbox'), out: Record<string, string> = {}): Record<string, string> {
  for (const entry of readdirSync(sub, { withFileTypes: true })) {
    const path = join(sub, entry.name);
    if (entry.isDirectory()) outbox(dir, path, out);
    else out[relative(dir, path)] = readFileSync(path, 'utf8');
  }
  return out;
}

/** The kits a run from nothing gives with the glossary as it now is in `dir`. */
function cleanKits(dir: string): Record<string, string> {
  const fresh = project();
  cpSync(join(dir, 'glossary'), join(fresh, 'glossary'), { recursive: true });
  run(fresh);
  return outbox(fresh);
}

const ALL = ['examples/html/oil-workers-strike.html', 'examples/html/snapback-opinion.html', 'examples/markdown/the-long-shadow-of-1988.md', 'examples/text/night-of-fires.txt'];

describe('tarjoman run after a glossary change', () => {
  it('extracts again only the documents that mention a concept whose Persian term changed', () => {
    const dir = project();
    expect(Object.keys(run(dir)).sort()).toEqual(ALL);
    const file = join(dir, 'glossary/en-fa/organizations.yaml');
    const before = readFileSync(file, 'utf8');
    const after = before.replace('- { text: "سازمان ملل متحد", status: preferred }', '- { text: "سازمان ملل‌متحد", status: preferred }');
    expect(after).not.toBe(before);
    writeFileSync(file, after);
    const events = run(dir);
    // The United Nations is named in these two articles only.
    for (const doc of ALL) expect(events[doc], doc).toEqual(doc.includes('night-of-fires') || doc.includes('snapback') ? ['extracted'] : ['skipped']);
    expect(readFileSync(join(dir, 'work/outbox/examples/html/snapback-opinion.html.xlf'), 'utf8')).toContain('سازمان ملل‌متحد');
    expect(outbox(dir)).toEqual(cleanKits(dir));
    // Nothing changed since: nothing to do.
    for (const doc of ALL) expect(run(dir)[doc]).toEqual(['skipped']);
  });

  it('extracts again only the document that names a newly added concept', () => {
    const dir = project();
    run(dir);
    appendFileSync(
      join(dir, 'glossary/en-fa/places.yaml'),
      '\n  - id: place.london\n    type: place\n    terms:\n      en:\n        - { text: "London", status: preferred, case: sensitive }\n      fa:\n        - { text: "لندن", status: preferred }\n',
    );
    const events = run(dir);
    for (const doc of ALL) expect(events[doc], doc).toEqual(doc.endsWith('night-of-fires.txt') ? ['extracted'] : ['skipped']);
    expect(readFileSync(join(dir, 'work/outbox/examples/text/night-of-fires.txt.xlf'), 'utf8')).toContain('place.london');
    expect(outbox(dir)).toEqual(cleanKits(dir));
  });

  it('extracts again the documents that mentioned a concept taken out of the glossary', () => {
    const dir = project();
    run(dir);
    const file = join(dir, 'glossary/en-fa/places.yaml');
    const text = readFileSync(file, 'utf8');
    const start = text.indexOf('  - id: place.paris');
    const end = text.indexOf('  - id: ', start + 5);
    writeFileSync(file, text.slice(0, start) + text.slice(end));
    const events = run(dir);
    for (const doc of ALL) expect(events[doc], doc).toEqual(doc.endsWith('.md') ? ['extracted'] : ['skipped']);
    expect(outbox(dir)).toEqual(cleanKits(dir));
    expect(existsSync(join(dir, '.tarjoman/state/glossary'))).toBe(true);
    // Snapshots no record points to are dropped.
    expect(readdirSync(join(dir, '.tarjoman/state/glossary'))).toHaveLength(1);
  });
});
