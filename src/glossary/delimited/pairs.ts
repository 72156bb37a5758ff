import { stringify } from 'csv-stringify/sync';
import { TarjomanError } from '../../model/located-error.js';
import { IdAllocator } from '../native/ids.js';
import type { ImportOptions, LocatedGlossaryFile } from '../native/located.js';
import { throwIfProblems } from '../native/problems.js';
import { checkGlossaryValue, fieldName, type FieldPath, type Position } from '../native/validate.js';
import type { GlossaryFile, Term } from '../schema.js';
import { cellPosition, type Row } from './records.js';

export const DEFAULT_FROM = 'en';
export const DEFAULT_TO = 'fa';

/**
 * OmegaT's glossary rows (source, target, optional comment) as concepts. Rows with the same
 * source are one concept: its first target is the preferred term and the others admitted,
 * which is how a translator lists alternatives. A comment belongs to its row's target term.
 */
export function conceptsFromPairs(rows: Row[], path: string, options: ImportOptions): LocatedGlossaryFile {
  const from = options.from ?? DEFAULT_FROM;
  const to = options.to ?? DEFAULT_TO;
  const problems: TarjomanError[] = [];
  const ids = new IdAllocator();
  const bySource = new Map<string, number>();
  const entries: { id: string; type: string; terms: Record<string, Term[]> }[] = [];
  const lines: number[] = [];
  const positions = new Map<string, Position>();
  for (const row of rows) {
    const source = (row.cells[0] ?? '').trim();
    const target = (row.cells[1] ?? '').trim();
    if (!source || !target) {
      problems.push(new TarjomanError('glossary:delimited.needsPair', {}, { file: path, ...cellPosition(row, source ? 1 : 0) }));
      continue;
    }
    const comment = (row.cells[2] ?? '').trim();
    let index = bySource.get(source);
    if (index === undefined) {
      index = entries.length;
      bySource.set(source, index);
      entries.push({
        id: ids.take(undefined, source),
        type: options.type ?? 'term',
        terms: { [from]: [{ text: source, status: 'preferred' }], [to]: [] },
      });
      lines.push(row.line);
      positions.set(fieldName(['entries', index]), { line: row.line, column: 1 });
    }
    const targets = entries[index]!.terms[to]!;
    const existing = targets.find((t) => t.text === target);
    if (existing) {
      if (comment && existing.note === undefined) existing.note = comment;
      continue;
    }
    const term: Term = { text: target, status: targets.length === 0 ? 'preferred' : 'admitted' };
    if (comment) term.note = comment;
    targets.push(term);
  }
  throwIfProblems(problems);
  const value = { languages: from === to ? [from] : [from, to], entries };
  const locate = (p: FieldPath): Position => positions.get(fieldName(p.slice(0, 2))) ?? {};
  const checked = checkGlossaryValue(value, path, locate);
  throwIfProblems(checked.problems);
  return { path, file: checked.file!, lines };
}

export interface PairOptions {
  from?: string;
  to?: string;
}

/** Tabs and line breaks cannot live inside an OmegaT row; they become spaces. */
function flat(text: string): string {
  return text.replace(/[\t\r\n]+/gu, ' ');
}

/**
 * One row per (source term, target term) pair of each concept, so OmegaT finds a concept by
 * any of its source forms (an acronym as well as the full name). Deprecated and forbidden
 * terms are left out: OmegaT would offer them as translations. The comment is the target
 * term's note, else the concept's note, else its definition.
 */
export function pairRows(file: GlossaryFile, options: PairOptions = {}): string[][] {
  const from = options.from ?? file.languages[0] ?? DEFAULT_FROM;
  const to = options.to ?? file.languages[1] ?? DEFAULT_TO;
  const usable = (terms: Term[] | undefined) => (terms ?? []).filter((t) => t.status === 'preferred' || t.status === 'admitted');
  const rows: string[][] = [];
  for (const concept of file.entries) {
    for (const source of usable(concept.terms[from])) {
      for (const target of usable(concept.terms[to])) {
        const comment = target.note ?? concept.note ?? concept.definition ?? '';
        rows.push([flat(source.text), flat(target.text), flat(comment)]);
      }
    }
  }
  return rows;
}

export function stringifyRows(rows: string[][], delimiter: string): string {
  if (!rows.length) return '';
  return stringify(rows, delimiter === '\t' ? { delimiter, quote: false, record_delimiter: 'unix' } : { delimiter, record_delimiter: 'unix' });
}
