import { plainText } from '../model/content.js';
import type { Finding } from '../xliff/check/index.js';
import type { XliffFile } from '../xliff/read/index.js';

/** The texts a finding is about, so a reader can judge it without opening the XLIFF file. */
export interface SegmentText {
  source: string;
  target: string;
  sourceLang: string;
  targetLang: string;
}

export interface ReportFile {
  xliff: string;
  /** the document the XLIFF file was made from, as recorded; null when it records none */
  original: string | null;
  findings: Finding[];
  /** by `unit/segment` */
  texts: Map<string, SegmentText>;
}

export interface QaReport {
  tool: 'tarjoman';
  version: string;
  files: ReportFile[];
  counts: { errors: number; warnings: number };
}

export const textKey = (unitId: string, segmentId: string): string => `${unitId}/${segmentId}`;

/** The text of every segment of a read XLIFF file; a unit id repeated in a later `<file>` keeps the first. */
export function segmentTexts(file: XliffFile): Map<string, SegmentText> {
  const texts = new Map<string, SegmentText>();
  for (const entry of file.files) {
    const sourceLang = entry.srcLang || file.srcLang;
    const targetLang = entry.trgLang ?? file.trgLang ?? '';
    for (const unit of entry.units)
      for (const part of unit.parts) {
        if (part.kind !== 'segment') continue;
        const key = textKey(unit.id, part.id);
        if (texts.has(key)) continue;
        texts.set(key, { source: plainText(part.source), target: plainText(part.target ?? []), sourceLang, targetLang });
      }
  }
  return texts;
}

export function buildReport(version: string, files: ReportFile[]): QaReport {
  const all = files.flatMap((f) => f.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  return { tool: 'tarjoman', version, files, counts: { errors, warnings: all.length - errors } };
}

/** The report as JSON: findings as located, without the segment texts (they are in the XLIFF files). */
export function jsonReport(report: QaReport): unknown {
  return {
    tool: report.tool,
    version: report.version,
    files: report.files.map((f) => ({ xliff: f.xliff, original: f.original, findings: f.findings })),
    counts: report.counts,
  };
}
