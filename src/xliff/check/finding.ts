import { t } from '../../i18n/index.js';
import { TarjomanError } from '../../model/located-error.js';
import type { Pos } from '../read/xml.js';

export type Severity = 'error' | 'warning';

/** One problem in an XLIFF file, at the element it concerns. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  unitId?: string;
  segmentId?: string;
}

export interface Where {
  unitId?: string;
  segmentId?: string;
}

/** Rule names for the reader's errors, so a file the reader refuses is reported like any other finding. */
const READ_RULES: Record<string, string> = {
  'errors:invalidUtf8': 'encoding',
  'xliff-check:read.invalidUtf16': 'encoding',
  'xliff-check:read.encodingUnsupported': 'encoding',
  'xliff-check:read.xml': 'xml',
  'xliff-check:read.doctype': 'doctype',
  'xliff-check:read.entity': 'entity',
  'xliff-check:read.notXliff': 'not-xliff',
  'xliff-check:read.version': 'version',
  'xliff-check:read.missingAttribute': 'missing-attribute',
};

export function findingOfError(error: TarjomanError, file: string): Finding {
  const { line, column, unitId } = error.location;
  return {
    rule: READ_RULES[error.key] ?? 'read',
    severity: 'error',
    message: error.message,
    file: error.location.file ?? file,
    line: line ?? 1,
    column: column ?? 1,
    ...(unitId !== undefined ? { unitId } : {}),
  };
}

export class Findings {
  readonly list: Finding[] = [];
  constructor(private readonly file: string) {}

  private errors = 0;

  get hasErrors(): boolean {
    return this.errors > 0;
  }

  /** A finding whose message is `xliff-check:<messageKey>` with the given values. */
  add(rule: string, severity: Severity, at: Pos, messageKey: string, params: Record<string, unknown>, where: Where = {}): void {
    if (severity === 'error') this.errors += 1;
    this.list.push({
      rule,
      severity,
      message: t(`xliff-check:${messageKey}`, params),
      file: this.file,
      line: at.line,
      column: at.column,
      ...(where.unitId !== undefined ? { unitId: where.unitId } : {}),
      ...(where.segmentId !== undefined ? { segmentId: where.segmentId } : {}),
    });
  }

  error(rule: string, at: Pos, params: Record<string, unknown>, where?: Where): void {
    this.add(rule, 'error', at, `rule.${rule}`, params, where);
  }

  warning(rule: string, at: Pos, params: Record<string, unknown>, where?: Where): void {
    this.add(rule, 'warning', at, `rule.${rule}`, params, where);
  }

  fromError(error: unknown): void {
    if (!(error instanceof TarjomanError)) throw error;
    const finding = findingOfError(error, this.file);
    if (finding.severity === 'error') this.errors += 1;
    this.list.push(finding);
  }

  /** In file order; findings at one place keep the order they were made in. */
  sorted(): Finding[] {
    return this.list.map((f, i) => ({ f, i })).sort((a, b) => a.f.line - b.f.line || a.f.column - b.f.column || a.i - b.i).map(({ f }) => f);
  }
}
