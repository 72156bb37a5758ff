import type { z } from 'zod';
import { t } from '../../i18n/index.js';
import { TarjomanError } from '../../model/located-error.js';
import { GlossaryFile } from '../schema.js';

export type FieldPath = readonly PropertyKey[];

export interface Position {
  line?: number;
  column?: number;
}

/**
 * Where a value sits in the file it was read from. With `key`, the position of that key inside
 * the map at `path` (an unknown field); without, the value itself or its nearest existing parent.
 */
export type Locator = (path: FieldPath, key?: string) => Position;

export interface CheckResult {
  file?: GlossaryFile;
  problems: TarjomanError[];
}

/** `terms.fa[0].status`: the path a reader of the file recognizes. */
export function fieldName(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function valueAt(root: unknown, path: FieldPath): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function entryIdAt(root: unknown, path: FieldPath): { index: number; id?: string } | undefined {
  if (path[0] !== 'entries' || typeof path[1] !== 'number') return undefined;
  const id = valueAt(root, ['entries', path[1], 'id']);
  return typeof id === 'string' && id ? { index: path[1], id } : { index: path[1] };
}

/** A located problem about one field, phrased for the entry it belongs to when there is one. */
export function fieldProblem(
  root: unknown,
  path: FieldPath,
  key: string,
  params: Record<string, unknown>,
  file: string,
  at: Position,
): TarjomanError {
  const entry = entryIdAt(root, path);
  const field = fieldName(entry ? path.slice(2) : path) || t('glossary:issue.wholeFile');
  const detail = t(key, { field, ...params });
  const location = { file, ...at };
  if (!entry) return new TarjomanError('glossary:problem.atTop', { detail }, location);
  if (entry.id) return new TarjomanError('glossary:problem.inEntry', { entry: entry.id, detail }, location);
  return new TarjomanError('glossary:problem.inEntryNumber', { number: entry.index + 1, detail }, location);
}

function issueProblems(root: unknown, issue: z.core.$ZodIssue, file: string, locate: Locator): TarjomanError[] {
  const path = issue.path;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((name) =>
        fieldProblem(root, [...path, name], 'glossary:issue.unknownField', {}, file, locate(path, name)),
      );
    case 'invalid_type':
      if (valueAt(root, path) === undefined)
        return [fieldProblem(root, path, 'glossary:issue.missing', {}, file, locate(path))];
      return [fieldProblem(root, path, 'glossary:issue.type', { expected: t(`glossary:valueType.${issue.expected}`, { defaultValue: issue.expected }) }, file, locate(path))];
    case 'invalid_value':
      if (valueAt(root, path) === undefined)
        return [fieldProblem(root, path, 'glossary:issue.missing', {}, file, locate(path))];
      return [
        fieldProblem(
          root,
          path,
          'glossary:issue.oneOf',
          { value: String(valueAt(root, path)), values: issue.values.map(String).join(', ') },
          file,
          locate(path),
        ),
      ];
    case 'too_small':
      return [
        fieldProblem(root, path, issue.origin === 'array' ? 'glossary:issue.emptyList' : 'glossary:issue.emptyText', {}, file, locate(path)),
      ];
    case 'invalid_format':
      if (path[path.length - 1] === 'id')
        return [fieldProblem(root, path, 'glossary:issue.badId', { value: String(valueAt(root, path)) }, file, locate(path))];
      return [fieldProblem(root, path, 'glossary:issue.other', { message: issue.message }, file, locate(path))];
    default:
      return [fieldProblem(root, path, 'glossary:issue.other', { message: issue.message }, file, locate(path))];
  }
}

/**
 * What the schema alone cannot say: ids unique within the file, and every term in a language
 * the file declares. Works on the raw value, so these are reported along with schema problems.
 */
function crossChecks(root: unknown, file: string, locate: Locator): TarjomanError[] {
  const problems: TarjomanError[] = [];
  const entries = valueAt(root, ['entries']);
  const declared = valueAt(root, ['languages']);
  if (!Array.isArray(entries)) return problems;
  const languages = Array.isArray(declared) ? declared.filter((l): l is string => typeof l === 'string') : undefined;
  const seen = new Map<string, number>();
  entries.forEach((entry: unknown, index) => {
    const id = valueAt(entry, ['id']);
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first !== undefined) {
        const firstLine = locate(['entries', first, 'id']).line;
        problems.push(
          fieldProblem(root, ['entries', index, 'id'], 'glossary:issue.duplicateId', { line: firstLine ?? '?' }, file, locate(['entries', index, 'id'])),
        );
      } else seen.set(id, index);
    }
    const terms = valueAt(entry, ['terms']);
    if (!languages || terms === null || typeof terms !== 'object' || Array.isArray(terms)) return;
    for (const lang of Object.keys(terms)) {
      if (!languages.includes(lang))
        problems.push(
          fieldProblem(
            root,
            ['entries', index, 'terms', lang],
            'glossary:issue.languageNotListed',
            { lang, languages: languages.join(', ') },
            file,
            locate(['entries', index, 'terms'], lang),
          ),
        );
    }
  });
  return problems;
}

/** Validates a parsed value as a glossary file: the zod schema, then the checks across entries. */
export function checkGlossaryValue(root: unknown, file: string, locate: Locator): CheckResult {
  const parsed = GlossaryFile.safeParse(root);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.flatMap((issue) => issueProblems(root, issue, file, locate))),
    ...crossChecks(root, file, locate),
  ];
  if (problems.length || !parsed.success) return { problems: sortProblems(problems) };
  return { file: parsed.data, problems };
}

function sortProblems(problems: TarjomanError[]): TarjomanError[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.location.line ?? 0) - (b.p.location.line ?? 0) || (a.p.location.column ?? 0) - (b.p.location.column ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}
