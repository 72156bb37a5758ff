import { createSegmenter } from '../segment/srx/index.js';
import type { Segmenter } from '../segment/segmenter.js';

/** The segmenter a command uses: the user's SRX file when given, the shipped rules otherwise. */
export function segmenterFor(lang: string, srxPath: string | undefined): Segmenter {
  return createSegmenter(lang, srxPath ? { srxPath } : {});
}
