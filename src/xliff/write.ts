import type { Document } from '../model/schema.js';
import type { GlossaryLookup } from './glossary-lookup.js';
import { writeXliff12 } from './v12/write.js';
import { writeXliff2 } from './v2/write.js';

export const XLIFF_VERSIONS = ['1.2', '2.0', '2.1'] as const;
export type XliffVersion = (typeof XLIFF_VERSIONS)[number];

export interface WriteXliffOptions {
  version: XliffVersion;
  toolVersion: string;
  glossary?: GlossaryLookup;
  kit?: 'plain' | 'omegat';
}

/** One XLIFF file for one document, in the version asked for. */
export function writeXliff(document: Document, options: WriteXliffOptions): string {
  const common = { toolVersion: options.toolVersion, ...(options.glossary ? { glossary: options.glossary } : {}) };
  if (options.version === '1.2') return writeXliff12(document, { ...common, kit: options.kit ?? 'plain' });
  return writeXliff2(document, { ...common, version: options.version });
}
