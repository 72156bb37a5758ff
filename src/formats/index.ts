import { extname } from 'node:path';
import { TarjomanError } from '../model/located-error.js';
import type { FormatName } from '../model/schema.js';
import type { Format } from './format.js';
import { htmlFormat } from './html/index.js';
import { i18nextFormat } from './i18next/index.js';
import { markdownFormat } from './markdown/index.js';
import { textFormat } from './text/index.js';

export const FORMATS: readonly Format[] = [textFormat, markdownFormat, htmlFormat, i18nextFormat];

export function formatByName(name: FormatName): Format {
  const format = FORMATS.find((f) => f.name === name);
  if (!format) throw new TarjomanError('errors:unknownFormatName', { name });
  return format;
}

/** The format for a file, from its name ending; an unknown ending is an error naming the file. */
export function formatForPath(path: string): Format {
  const extension = extname(path).toLowerCase();
  const format = FORMATS.find((f) => f.extensions.includes(extension));
  if (!format) {
    const known = FORMATS.flatMap((f) => f.extensions).join(', ');
    throw new TarjomanError('errors:unknownFormat', { extension: extension || path, known }, { file: path });
  }
  return format;
}

export type { Format, ExtractOptions, MergeOptions } from './format.js';
