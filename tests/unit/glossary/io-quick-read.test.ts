import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSeq, parseDocument, stringify, LineCounter } from 'yaml';
import { readPlainYaml } from '../../../src/glossary/native/plain-yaml.js';
import { quickGlossaryFile } from '../../../src/glossary/native/quick-check.js';
import { checkGlossaryValue } from '../../../src/glossary/native/validate.js';
import { parseGlossaryYamlGeneral, parseGlossaryYamlLocated, writeGlossaryYaml } from '../../../src/glossary/native/yaml.js';
import { ConceptType, GlossaryFile, PartOfSpeech, TermStatus, type Concept, type Term } from '../../../src/glossary/schema.js';
import { TarjomanError } from '../../../src/model/located-error.js';
import { problemsOf } from '../../../src/glossary/native/problems.js';
import { repoRoot } from '../../helpers/cli.js';
import { fixtures } from './io-helpers.js';

// Fixed seeds: a failure shows the same case on every run.
const SEED = 1388;

const CHARS = [
  ...'abcXYZ019',
  ...'ابپکی',
  '\u200c',
  '\u00a0',
  ...' .,;:-_\'"&<>#|*!?/\\[]{}%@`~=+()',
  ' ',
  '\n',
  '\t',
];
const anyText = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => cs.join(''));
/** Texts also drawn from the words YAML reads as something else than a string. */
const text = fc.oneof(anyText, fc.constantFrom('true', 'False', 'null', '~', '12', '-3', '0x1f', '.5', '1e3', '.inf', 'no', 'y', '2024 election', 'C#', 'a: b', '- x'));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const termArb: fc.Arbitrary<Term> = fc
  .record({
    text: text.filter((s) => s.trim().length > 0),
    status: fc.constantFrom(...TermStatus.options),
    case: optional(fc.constantFrom('sensitive' as const, 'insensitive' as const)),
    abbreviation: optional(fc.boolean()),
    partOfSpeech: optional(fc.constantFrom(...PartOfSpeech.options)),
    note: optional(text),
  })
  .map(withoutUndefined);

const glossaryArb: fc.Arbitrary<GlossaryFile> = fc
  .uniqueArray(fc.constantFrom('en', 'fa', 'fa-AF'), { minLength: 1, maxLength: 3 })
  .chain((languages) =>
    fc.record({
      languages: fc.constant(languages),
      domain: optional(text),
      entries: fc.uniqueArray(
        fc
          .record({
            id: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,6}$/u),
            type: fc.constantFrom(...ConceptType.options),
            definition: optional(text),
            sources: optional(fc.array(text, { minLength: 1, maxLength: 2 })),
            doNotTranslate: optional(fc.boolean()),
            terms: fc
              .subarray(languages)
              .chain((langs) => fc.tuple(...langs.map((l) => fc.array(termArb, { minLength: 1, maxLength: 2 }).map((ts) => [l, ts] as const))))
              .map((pairs) => Object.fromEntries(pairs)),
          })
          .map((c) => withoutUndefined(c) as Concept),
        { selector: (c) => c.id, maxLength: 4 },
      ),
    }),
  )
  .map((file) => GlossaryFile.parse(withoutUndefined(file)));

/** Every path to a value inside a plain value. */
function pathsOf(value: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  const out: PropertyKey[][] = [path];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...path, i])));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...path, k]));
  return out;
}

const REPLACEMENTS: unknown[] = [undefined, '', ' ', 'x', 'Bad_ID', 'de', 'preferrred', 12, true, null, [], {}, [{ text: 'y' }], 'en'];

/** A copy of a value with one place changed (or removed, or given an unknown key). */
function mutate(value: unknown, pick: number, replacement: number, addKey: boolean): unknown {
  const copy = structuredClone(value) as Record<PropertyKey, unknown>;
  const paths = pathsOf(copy);
  const path = paths[pick % paths.length]!;
  if (!path.length) return REPLACEMENTS[replacement % REPLACEMENTS.length];
  const parent = path.slice(0, -1).reduce<any>((v, k) => v[k], copy);
  const last = path[path.length - 1]!;
  const next = REPLACEMENTS[replacement % REPLACEMENTS.length];
  if (addKey && parent && typeof parent === 'object' && !Array.isArray(parent)) parent.colour = next ?? 'red';
  else if (next === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = next;
  return copy;
}

/** Line-level damage to a YAML text: what a hurried edit does. */
function damage(text: string, at: number, kind: number, insert: string): string {
  const lines = text.split('\n');
  const i = at % lines.length;
  switch (kind % 6) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, lines[i]!);
      break;
    case 2:
      lines[i] = ` ${lines[i]}`;
      break;
    case 3:
      lines[i] = lines[i]!.replace(/^ /u, '');
      break;
    case 4: {
      const line = lines[i]!;
      const col = at % (line.length + 1);
      lines[i] = line.slice(0, col) + insert + line.slice(col);
      break;
    }
    default:
      lines[i] = lines[i]!.replace(/: /u, ':');
  }
  return lines.join('\n');
}

/** What the general YAML parser reads, or undefined when it reports an error. */
function generalValue(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) return undefined;
  try {
    return doc.toJS({ maxAliasCount: 20 });
  } catch {
    return undefined;
  }
}

function entryItemLines(text: string): number[] | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const entries = doc.get('entries', true);
  if (!isSeq(entries)) return undefined;
  return entries.items.map((item) => lines.linePos((item as { range: [number] }).range[0]).line);
}

/** Both readers' outcome, comparable: the file and lines, or every problem as rendered. */
function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    if (error instanceof TarjomanError) return problemsOf(error).map((p) => p.render());
    throw error;
  }
}

const yamlStyles = fc.record({
  indentSeq: fc.boolean(),
  indent: fc.constantFrom(2, 4),
  defaultStringType: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const),
  collectionStyle: fc.constantFrom('any' as const, 'block' as const),
});

const generatedTexts = fc.oneof(
  glossaryArb.map((file) => writeGlossaryYaml(file)),
  fc.tuple(glossaryArb, yamlStyles).map(([file, style]) => stringify(file, { ...style, lineWidth: 0 })),
);
const damagedTexts = fc
  .tuple(generatedTexts, fc.nat(), fc.nat(), fc.constantFrom('#', ' #x', ': ', '- ', '"', "'", '&a ', '*a', '!!str ', '|', '[', '{', '\t', '\r', 'x'))
  .map(([t, at, kind, insert]) => damage(t, at, kind, insert));

describe('the quick reader of native YAML', () => {
  it('reads what it accepts exactly as the general YAML parser does, entry lines included', () => {
    const sameAsGeneral = (text: string): boolean => {
      const plain = readPlainYaml(text);
      if (!plain) return false;
      expect(plain.value).toStrictEqual(generalValue(text));
      const entries = plain.itemLines.get('entries');
      if (entries) expect(entries).toEqual(entryItemLines(text));
      return true;
    };
    let intact = 0;
    let damaged = 0;
    fc.assert(
      fc.property(generatedTexts, (text) => void (sameAsGeneral(text) && intact++)),
      { numRuns: 250, seed: SEED },
    );
    fc.assert(
      fc.property(damagedTexts, (text) => void (sameAsGeneral(text) && damaged++)),
      { numRuns: 500, seed: SEED },
    );
    // Both kinds reach the comparison often enough to mean something.
    expect(intact).toBeGreaterThan(50);
    expect(damaged).toBeGreaterThan(50);
  });

  it('accepts the files tarjoman writes when their texts stay on one line', () => {
    const oneLine = glossaryArb.filter((file) => !JSON.stringify(file).includes('\\n') && !JSON.stringify(file).includes('\\t'));
    fc.assert(
      fc.property(oneLine, (file) => {
        const text = writeGlossaryYaml(file);
        expect(readPlainYaml(text)?.value).toStrictEqual(generalValue(text));
        expect(quickGlossaryFile(readPlainYaml(text)!.value)).toStrictEqual(file);
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('accepts exactly the values the schema and cross-entry checks accept, and returns what zod returns', () => {
    const values = fc.oneof(
      glossaryArb.map((file) => structuredClone(file) as unknown),
      fc.tuple(glossaryArb, fc.nat(), fc.nat(), fc.boolean()).map(([file, pick, replacement, addKey]) => mutate(file, pick, replacement, addKey)),
      fc.tuple(glossaryArb, fc.nat()).map(([file, pick]) => {
        // the same id twice, or a term in a language the file does not list
        const copy = structuredClone(file) as GlossaryFile;
        if (copy.entries.length && pick % 2) copy.entries.push(copy.entries[pick % copy.entries.length]!);
        else if (copy.entries.length) (copy.entries[0]!.terms as Record<string, Term[]>).de = [{ text: 'x', status: 'preferred' }];
        return copy as unknown;
      }),
    );
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(values, (value) => {
        const general = checkGlossaryValue(value, 'g.yaml', () => ({}));
        const quick = quickGlossaryFile(value);
        if (general.problems.length) {
          refused++;
          expect(quick).toBeUndefined();
        } else {
          accepted++;
          // Same content and the same key order as zod gives.
          expect(JSON.stringify(quick)).toBe(JSON.stringify(general.file));
        }
      }),
      { numRuns: 600, seed: SEED },
    );
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });

  it('gives the same file, lines and problems as the general reader, on intact and damaged files', () => {
    fc.assert(
      fc.property(fc.oneof(generatedTexts, damagedTexts), (text) => {
        expect(outcome(() => parseGlossaryYamlLocated(text, 'g.yaml'))).toEqual(outcome(() => parseGlossaryYamlGeneral(text, 'g.yaml')));
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it('gives the same result as the general reader on the shipped glossary and the fixtures', () => {
    const dirs = [join(repoRoot, 'glossary', 'en-fa'), join(fixtures, 'native'), join(fixtures, 'bad'), join(fixtures, 'duplicate-ids')];
    const files = dirs.flatMap((dir) => readdirSync(dir).filter((f) => /\.ya?ml$/u.test(f)).map((f) => join(dir, f)));
    expect(files.length).toBeGreaterThan(8);
    let quick = 0;
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      if (readPlainYaml(text)) quick++;
      expect(outcome(() => parseGlossaryYamlLocated(text, path))).toEqual(outcome(() => parseGlossaryYamlGeneral(text, path)));
    }
    // The shipped files are in the shape the quick reader knows.
    expect(quick).toBeGreaterThanOrEqual(6);
  });
});
