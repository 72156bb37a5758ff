import { t } from '../i18n/index.js';
import { LineIndex } from './line-index.js';

export interface Location {
  file?: string;
  line?: number;
  column?: number;
  unitId?: string;
}

/**
 * An error a user can act on: a message key from locales/ with its values, and
 * where it happened (file, line and column, or unit id), after vfile's located messages.
 */
export class TarjomanError extends Error {
  readonly key: string;
  readonly params: Record<string, unknown>;
  readonly location: Location;

  constructor(key: string, params: Record<string, unknown> = {}, location: Location = {}, options?: ErrorOptions) {
    super(t(key, params), options);
    this.name = 'TarjomanError';
    this.key = key;
    this.params = params;
    this.location = location;
  }

  /** `file:line:column: message`, in the current locale. */
  render(): string {
    const { file, line, column, unitId } = this.location;
    let where = file ?? '';
    if (file && line !== undefined) where += `:${line}` + (column !== undefined ? `:${column}` : '');
    if (unitId) where += (where ? ' ' : '') + `[${unitId}]`;
    const message = t(this.key, this.params);
    return where ? `${where}: ${message}` : message;
  }
}

/** 1-based line and column of a UTF-16 offset in a string. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  return new LineIndex(source).at(offset);
}
