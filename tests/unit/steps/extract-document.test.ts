import { describe, expect, it } from 'vitest';
import type { Format } from '../../../src/formats/format.js';
import type { ReadsSegmented } from '../../../src/formats/shared.js';
import { textFormat } from '../../../src/formats/text/index.js';
import { TarjomanError } from '../../../src/model/located-error.js';
import { segmentDocument } from '../../../src/segment/segment-content.js';
import { createSegmenter } from '../../../src/segment/srx/index.js';
import { extractDocument } from '../../../src/steps/extract-document.js';

const enc = new TextEncoder();
const segmenter = createSegmenter('en');
const bytes = enc.encode('Title\n\nOne sentence. Another one.\n');
const request = (format: Format) => ({ bytes, path: 'doc.txt', format, sourceLang: 'en', targetLang: 'fa', segmenter });

function roundTripKey(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TarjomanError);
    expect((error as TarjomanError).location).toEqual({ file: 'doc.txt' });
    return (error as TarjomanError).key;
  }
  return undefined;
}

describe('extractDocument', () => {
  it('refuses a file whose one-pass reading says it would not come back intact', () => {
    const broken: Format & ReadsSegmented = {
      ...textFormat,
      extractSegmented: (b, options, s) => ({ document: textFormat.extractSegmented(b, options, s).document, intact: false }),
    };
    expect(roundTripKey(() => extractDocument(request(broken)))).toBe('errors:roundTripFailed');
  });

  it('refuses a file whose merge differs from its bytes, on the general path', () => {
    const { extractSegmented: _, ...general } = textFormat;
    const lossy: Format = { ...general, merge: (document) => enc.encode(`${new TextDecoder().decode(textFormat.merge(document))} `) };
    expect(roundTripKey(() => extractDocument(request(lossy)))).toBe('errors:roundTripFailed');
  });

  it('gives the same document on the general path and in one pass', () => {
    const { extractSegmented: _, ...general } = textFormat;
    const expected = segmentDocument(textFormat.extract(bytes, { path: 'doc.txt', sourceLang: 'en', targetLang: 'fa' }), segmenter);
    expect(JSON.stringify(extractDocument(request(general)))).toBe(JSON.stringify(expected));
    expect(JSON.stringify(extractDocument(request(textFormat)))).toBe(JSON.stringify(expected));
  });
});
