import { parse } from 'csv-parse/sync';
import { TarjomanError } from '../../model/located-error.js';

export interface Row {
  cells: string[];
  /** 1-based line the row starts on */
  line: number;
  /** where each cell starts: a cell after a quoted line break starts on a later line */
  positions: { line: number; column: number }[];
}

/** Where each cell of a raw record starts: lines counted from the record's first, columns 1-based. */
function cellStarts(raw: string, delimiter: string, quote: boolean): { line: number; column: number }[] {
  const starts = [{ line: 0, column: 1 }];
  let line = 0;
  let column = 1;
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote && c === '"') quoted = !quoted;
    else if (!quoted && c === delimiter) starts.push({ line, column: column + 1 });
    if (c === '\n') {
      line += 1;
      column = 1;
    } else column += 1;
  }
  return starts;
}

/**
 * Rows of a CSV or TSV text, each with the line it starts on and each cell's column, so a
 * bad value can be reported where it is. Blank lines are skipped; `#` lines too when asked
 * (OmegaT's tab-separated glossaries use them for comments).
 */
export function readRows(text: string, file: string, options: { delimiter: string; quote: boolean; comments: boolean }): Row[] {
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: options.delimiter,
      quote: options.quote ? '"' : false,
      relax_column_count: true,
      info: true,
      raw: true,
      skip_empty_lines: false,
    }) as unknown as typeof records;
  } catch (cause) {
    const error = cause as Error & { lines?: number; code?: string };
    throw new TarjomanError(
      'errors:parseFailed',
      { format: options.delimiter === '\t' ? 'TSV' : 'CSV', reason: error.message },
      { file, ...(error.lines ? { line: error.lines } : {}) },
      { cause },
    );
  }
  const rows: Row[] = [];
  for (const { record, raw, info } of records) {
    const body = raw.replace(/\r?\n$/u, '');
    const line = info.lines - (body.match(/\n/gu)?.length ?? 0);
    if (record.every((c) => c.trim() === '')) continue;
    if (options.comments && record[0]!.startsWith('#')) continue;
    const starts = cellStarts(body, options.delimiter, options.quote);
    rows.push({ cells: record, line, positions: starts.map((s) => ({ line: line + s.line, column: s.column })) });
  }
  return rows;
}

export function cellPosition(row: Row, index: number): { line: number; column: number } {
  return row.positions[index] ?? { line: row.line, column: 1 };
}
