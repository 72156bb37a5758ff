import { TarjomanError } from '../model/located-error.js';
import type { Unit } from '../model/schema.js';
import { parallelHtml } from './html.js';
import { pairsOf } from './pairs.js';
import { tmx } from './tmx.js';
import { alignedTsv } from './tsv.js';

export { parallelHtml, type ParallelHtmlOptions } from './html.js';
export { tmx, type TmxOptions } from './tmx.js';
export { alignedTsv } from './tsv.js';
export { pairsOf, byUnit, type SegmentPair } from './pairs.js';
export { splitLatinRuns, persianDigitsOutsideLatin } from './bidi.js';

export const PUBLISH_FORMATS = ['html', 'tmx', 'tsv'] as const;
export type PublishFormat = (typeof PUBLISH_FORMATS)[number];

/** The file name suffix each format is written under, beside the merged document. */
export const PUBLISH_SUFFIX: Record<PublishFormat, string> = { html: '.parallel.html', tmx: '.tmx', tsv: '.tsv' };

/** `html,tmx` as given on the command line; an unknown name is an error, repeats count once. */
export function parsePublishList(value: string): PublishFormat[] {
  const out: PublishFormat[] = [];
  for (const raw of value.split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    if (!(PUBLISH_FORMATS as readonly string[]).includes(name)) throw new TarjomanError('publish:unknownFormat', { name: raw.trim(), known: PUBLISH_FORMATS.join(', ') });
    if (!out.includes(name as PublishFormat)) out.push(name as PublishFormat);
  }
  if (!out.length) throw new TarjomanError('publish:emptyList');
  return out;
}

export interface PublishRequest {
  /** the document's recorded path, which names the page */
  path: string;
  units: readonly Unit[];
  sourceLang: string;
  targetLang: string;
  toolVersion: string;
}

/** Each requested publication's suffix and content, in the order asked. */
export function publish(formats: readonly PublishFormat[], request: PublishRequest): { format: PublishFormat; suffix: string; content: string }[] {
  const pairs = pairsOf(request.units);
  const { sourceLang, targetLang } = request;
  return formats.map((format) => {
    const content =
      format === 'html'
        ? parallelHtml(pairs, { title: request.path, sourceLang, targetLang })
        : format === 'tmx'
          ? tmx(pairs, { sourceLang, targetLang, toolVersion: request.toolVersion })
          : alignedTsv(pairs);
    return { format, suffix: PUBLISH_SUFFIX[format], content };
  });
}
