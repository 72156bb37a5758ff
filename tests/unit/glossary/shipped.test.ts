import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { GlossaryFile } from '../../../src/glossary/schema.js';
import type { Concept, Term } from '../../../src/glossary/schema.js';

/*
 * The English–Persian glossary that ships with the project, and the hand-annotated
 * English texts used to measure term matching against it.
 */

const root = join(import.meta.dirname, '..', '..', '..');
const glossaryDir = join(root, 'glossary', 'en-fa');
const annotatedDir = join(root, 'tests', 'fixtures', 'terms', 'annotated');

const HEADER = '# yaml-language-server: $schema=../schema.json';
const ZWNJ = '\u200c';

interface LoadedFile {
  name: string;
  text: string;
  data: unknown;
}

function loadGlossaryFiles(): LoadedFile[] {
  return readdirSync(glossaryDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(glossaryDir, name), 'utf8');
      return { name, text, data: parse(text) as unknown };
    });
}

const files = loadGlossaryFiles();
const entries: { file: string; concept: Concept }[] = files.flatMap((f) => {
  const parsed = GlossaryFile.safeParse(f.data);
  return parsed.success ? parsed.data.entries.map((concept) => ({ file: f.name, concept })) : [];
});
const byId = new Map(entries.map((e) => [e.concept.id, e.concept]));

function termsOf(concept: Concept, lang: string): Term[] {
  return concept.terms[lang] ?? [];
}

/** Problems with the spelling of a Persian term; empty when it is well formed. */
function persianProblems(text: string, latinAllowed: boolean): string[] {
  const problems: string[] = [];
  if (/[\u064A\u0643\u0649]/u.test(text)) problems.push('Arabic ي/ك/ى instead of Persian ی/ک');
  if (/[\u0660-\u0669]/u.test(text)) problems.push('Arabic-Indic digits instead of Persian digits');
  if (!latinAllowed && /[A-Za-z]/u.test(text)) problems.push('Latin letters');
  if (/ {2}/u.test(text)) problems.push('double space');
  if (/\s\u200c|\u200c\s/u.test(text)) problems.push('ZWNJ next to a space');
  if (text.startsWith(ZWNJ) || text.endsWith(ZWNJ)) problems.push('ZWNJ at an end');
  if (text.includes(ZWNJ + ZWNJ)) problems.push('doubled ZWNJ');
  return problems;
}

describe('shipped glossary: files', () => {
  it('has the glossary files', () => {
    const names = files.map((f) => f.name);
    for (const expected of ['people.yaml', 'organizations.yaml', 'places.yaml', 'terms.yaml']) {
      expect(names).toContain(expected);
    }
  });

  it.each(files.map((f) => [f.name, f] as const))('%s starts with the schema header and validates', (_name, f) => {
    expect(f.text.split('\n')[0]).toBe(HEADER);
    const parsed = GlossaryFile.safeParse(f.data);
    if (!parsed.success) throw new Error(`${f.name}: ${parsed.error.message}`);
    expect(parsed.data.languages).toEqual(['en', 'fa']);
    expect(parsed.data.domain).toBeTruthy();
    expect(parsed.data.entries.length).toBeGreaterThan(0);
  });

  it('has at least 170 concepts in all', () => {
    expect(entries.length).toBeGreaterThanOrEqual(170);
  });

  it('uses each concept id once across all files', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const { file, concept } of entries) {
      const prev = seen.get(concept.id);
      if (prev) dupes.push(`${concept.id} (${prev}, ${file})`);
      seen.set(concept.id, file);
    }
    expect(dupes).toEqual([]);
  });

  it('gives every id a prefix matching its type', () => {
    const prefix: Record<string, string> = {
      person: 'person.',
      organization: 'org.',
      place: 'place.',
      event: 'event.',
      title: 'title.',
      term: 'term.',
    };
    const wrong = entries.filter(({ concept }) => !concept.id.startsWith(prefix[concept.type] ?? '?')).map((e) => e.concept.id);
    expect(wrong).toEqual([]);
  });
});

describe('shipped glossary: entries', () => {
  it('gives every concept a definition and a preferred English and Persian term, listed first', () => {
    const problems: string[] = [];
    for (const { concept } of entries) {
      if (!concept.definition?.trim()) problems.push(`${concept.id}: no definition`);
      for (const lang of ['en', 'fa']) {
        const terms = termsOf(concept, lang);
        if (!terms.some((t) => t.status === 'preferred')) problems.push(`${concept.id}: no preferred ${lang} term`);
        if (terms[0] && terms[0].status !== 'preferred') problems.push(`${concept.id}: first ${lang} term is not preferred`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('spells every usable Persian term in Persian orthography', () => {
    const problems: string[] = [];
    for (const { concept } of entries) {
      for (const t of termsOf(concept, 'fa')) {
        if (t.status === 'forbidden') continue;
        for (const p of persianProblems(t.text, concept.doNotTranslate === true)) problems.push(`${concept.id}: «${t.text}»: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps whitespace clean in every term as written, forbidden ones included', () => {
    // read from the raw YAML: the schema trims term texts, which would hide stray spaces
    const problems: string[] = [];
    for (const f of files) {
      const raw = f.data as { entries?: { id?: string; terms?: Record<string, { text?: unknown }[]> }[] };
      for (const entry of raw.entries ?? []) {
        for (const terms of Object.values(entry.terms ?? {})) {
          for (const { text } of terms) {
            if (typeof text !== 'string') continue;
            if (/ {2}|[\t\n\r]/u.test(text) || text !== text.trim()) problems.push(`${entry.id}: ${JSON.stringify(text)}`);
            if (/\s\u200c|\u200c\s/u.test(text) || text.startsWith(ZWNJ) || text.endsWith(ZWNJ)) {
              problems.push(`${entry.id}: ${JSON.stringify(text)} has a stray ZWNJ`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('says why each forbidden or deprecated term is not to be used', () => {
    const missing = entries.flatMap(({ concept }) =>
      Object.values(concept.terms)
        .flat()
        .filter((t) => (t.status === 'forbidden' || t.status === 'deprecated') && !t.note?.trim())
        .map((t) => `${concept.id}: ${t.text}`),
    );
    expect(missing).toEqual([]);
  });

  it('marks acronyms as case-sensitive abbreviations', () => {
    const problems: string[] = [];
    for (const { concept } of entries) {
      for (const t of termsOf(concept, 'en')) {
        const acronym = /^[A-Z0-9][A-Z0-9./-]*$/u.test(t.text) && (t.text.match(/[A-Z]/gu) ?? []).length >= 2;
        if (acronym && t.abbreviation !== true) problems.push(`${concept.id}: ${t.text} is not marked as an abbreviation`);
        if (t.abbreviation === true && t.case !== 'sensitive') problems.push(`${concept.id}: ${t.text} is not case-sensitive`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('does not give the same usable term to two concepts', () => {
    for (const lang of ['en', 'fa']) {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const { concept } of entries) {
        for (const t of termsOf(concept, lang)) {
          if (t.status === 'forbidden') continue;
          // compared without case: a case-sensitive and a case-insensitive term can still collide
          const key = t.text.toLowerCase();
          const prev = owner.get(key);
          if (prev && prev !== concept.id) clashes.push(`${lang} «${t.text}»: ${prev} and ${concept.id}`);
          owner.set(key, concept.id);
        }
      }
      expect(clashes).toEqual([]);
    }
  });

  it('never forbids a form that another entry uses', () => {
    const usable = new Set(
      entries.flatMap(({ concept }) =>
        Object.values(concept.terms)
          .flat()
          .filter((t) => t.status !== 'forbidden')
          .map((t) => t.text),
      ),
    );
    const conflicts = entries.flatMap(({ concept }) =>
      Object.values(concept.terms)
        .flat()
        .filter((t) => t.status === 'forbidden' && usable.has(t.text))
        .map((t) => `${concept.id}: ${t.text}`),
    );
    expect(conflicts).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

interface Annotation {
  surface: string;
  id: string;
  /** 1-based line of the opening brackets */
  line: number;
}

/** Parses `[[surface|concept-id]]` markup; throws on anything unbalanced or malformed. */
function parseAnnotated(text: string, file: string): { plain: string; annotations: Annotation[] } {
  const annotations: Annotation[] = [];
  let plain = '';
  let i = 0;
  const lineAt = (pos: number) => text.slice(0, pos).split('\n').length;
  while (i < text.length) {
    const open = text.indexOf('[[', i);
    const strayClose = text.indexOf(']]', i);
    if (strayClose !== -1 && (open === -1 || strayClose < open)) {
      throw new Error(`${file}:${lineAt(strayClose)}: "]]" without "[["`);
    }
    if (open === -1) {
      plain += text.slice(i);
      break;
    }
    plain += text.slice(i, open);
    const close = text.indexOf(']]', open + 2);
    if (close === -1) throw new Error(`${file}:${lineAt(open)}: "[[" is never closed`);
    const body = text.slice(open + 2, close);
    if (body.includes('[[')) throw new Error(`${file}:${lineAt(open)}: nested "[["`);
    const parts = body.split('|');
    if (parts.length !== 2) throw new Error(`${file}:${lineAt(open)}: expected [[surface|id]], got [[${body}]]`);
    const [surface = '', id = ''] = parts;
    if (!surface.trim() || surface !== surface.trim()) {
      throw new Error(`${file}:${lineAt(open)}: empty surface or surrounding spaces in [[${body}]]`);
    }
    if (!/^[a-z0-9][a-z0-9.-]*$/u.test(id)) throw new Error(`${file}:${lineAt(open)}: bad concept id "${id}"`);
    annotations.push({ surface, id, line: lineAt(open) });
    plain += surface;
    i = close + 2;
  }
  if (plain.includes('|')) throw new Error(`${file}: "|" outside an annotation`);
  return { plain, annotations };
}

const annotatedFiles = readdirSync(annotatedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(annotatedDir, name), 'utf8') }));

/** Whether a marked surface is one of the concept's English terms, allowing a possessive or plural ending. */
function surfaceMatchesTerm(surface: string, concept: Concept): boolean {
  const s = surface.replace(/\s+/gu, ' ');
  const endings = ['', "'s", '’s', "'", '’', 's', 'es', "s'", 's’', "es'", 'es’'];
  return termsOf(concept, 'en').some((t) => {
    const insensitive = t.case === 'insensitive';
    const norm = (x: string) => (insensitive ? x.toLowerCase() : x);
    const text = norm(t.text);
    const candidates = endings.map((e) => text + e);
    if (text.endsWith('y')) candidates.push(text.slice(0, -1) + 'ies');
    return candidates.includes(norm(s));
  });
}

describe('annotated evaluation texts', () => {
  it('has at least three development and three held-out texts', () => {
    expect(annotatedFiles.filter((f) => f.name.startsWith('dev-')).length).toBeGreaterThanOrEqual(3);
    expect(annotatedFiles.filter((f) => f.name.startsWith('heldout-')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(annotatedFiles.map((f) => [f.name, f] as const))('%s: markup parses and every concept id exists', (name, f) => {
    const { plain, annotations } = parseAnnotated(f.text, name);
    expect(annotations.length).toBeGreaterThan(0);
    const unknown = annotations.filter((a) => !byId.has(a.id)).map((a) => `${name}:${a.line}: ${a.id}`);
    expect(unknown).toEqual([]);
    const words = plain.split(/\s+/u).filter(Boolean).length;
    expect(words).toBeGreaterThanOrEqual(250);
    expect(words).toBeLessThanOrEqual(500);
  });

  it.each(annotatedFiles.filter((f) => f.name.startsWith('dev-')).map((f) => [f.name, f] as const))(
    '%s: every marked surface is a term of its concept',
    (name, f) => {
      const { annotations } = parseAnnotated(f.text, name);
      const wrong = annotations
        .filter((a) => {
          const concept = byId.get(a.id);
          return concept !== undefined && !surfaceMatchesTerm(a.surface, concept);
        })
        .map((a) => `${name}:${a.line}: "${a.surface}" is not a term of ${a.id}`);
      expect(wrong).toEqual([]);
    },
  );
});
