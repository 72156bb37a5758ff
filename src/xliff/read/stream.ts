import { TarjomanError } from '../../model/located-error.js';
import { ScanError, XmlScanner } from './scan.js';
import { streamXml, type XmlHandler } from './xml.js';

/** Text of an XLIFF file in order, as many times as asked: once to scan, again only to explain an error. */
export type TextChunks = () => Iterable<string>;

const NOTHING: XmlHandler = { start() {}, end() {}, text() {} };

/**
 * Streams XML through the fast scanner. Should the scanner stop before anything was handed on
 * (a DOCTYPE, an unusual prolog), saxes reads the whole text instead, exactly as it would have;
 * should it stop later, saxes reads the text once more for its precise message and position.
 */
export function scanXml(chunks: TextChunks, file: string, handler: XmlHandler): void {
  const pieces = chunks();
  // A text given whole (an array of one string) is held by its owner anyway: what the scanner
  // hands out may point into it rather than be copied.
  const whole = Array.isArray(pieces) && pieces.length === 1;
  const scanner = new XmlScanner(handler, whole);
  try {
    for (const chunk of pieces) scanner.write(chunk);
    scanner.close();
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    const text = [...chunks()].join('');
    if (!scanner.started) {
      streamXml(text, file, handler);
      return;
    }
    streamXml(text, file, NOTHING);
    throw new TarjomanError('xliff-check:read.xml', { reason: error.reason }, { file, line: error.line, column: error.column }, { cause: error });
  }
}
