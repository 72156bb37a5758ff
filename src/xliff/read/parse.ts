import { TarjomanError } from '../../model/located-error.js';
import { forgetCuts } from './model.js';
import { V12Parser } from './parse-v12.js';
import { V2Parser } from './parse-v2.js';
import type { RawDocument, RawSink } from './raw.js';
import { scanXml, type TextChunks } from './stream.js';
import type { XmlHandler, XmlStart } from './xml.js';

export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';
export const XLIFF20_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const XLIFF22_NS = 'urn:oasis:names:tc:xliff:document:2.2';

const OLD_NS = /^urn:oasis:names:tc:xliff:document:(1\.[01])$/u;

/** Which parser a root element calls for; everything that is not XLIFF 1.2 or 2.x is refused here. */
function rootHandler(root: XmlStart, file: string, sink: RawSink): XmlHandler {
  const where = { file, line: root.line, column: root.column };
  if (root.local !== 'xliff') throw new TarjomanError('xliff-check:read.notXliff', { element: root.local, namespace: root.ns || '-' }, where);
  const version = root.attrs.version;
  const old = OLD_NS.exec(root.ns)?.[1];
  if (old) throw new TarjomanError('xliff-check:read.version', { version: version ?? old, namespace: root.ns }, where);
  const doc = (v: RawDocument['version']): RawDocument => ({
    version: v,
    ns: root.ns,
    line: root.line,
    column: root.column,
    ...(root.attrs.srcLang !== undefined ? { srcLang: root.attrs.srcLang } : {}),
    ...(root.attrs.trgLang !== undefined ? { trgLang: root.attrs.trgLang } : {}),
  });
  // Some 1.2 writers leave out the namespace; the version attribute still says what the file is.
  if (root.ns === XLIFF12_NS || (root.ns === '' && version === '1.2')) {
    if (version !== undefined && version !== '1.2') throw new TarjomanError('xliff-check:read.version', { version, namespace: root.ns || '-' }, where);
    return new V12Parser(root.ns, doc('1.2'), sink);
  }
  if (root.ns === XLIFF20_NS || root.ns === XLIFF22_NS) {
    const allowed = root.ns === XLIFF20_NS ? ['2.0', '2.1'] : ['2.0', '2.1', '2.2'];
    if (version === undefined || !allowed.includes(version))
      throw new TarjomanError('xliff-check:read.version', { version: version ?? '-', namespace: root.ns }, where);
    if (root.attrs.srcLang === undefined) throw new TarjomanError('xliff-check:read.missingAttribute', { element: 'xliff', attribute: 'srcLang' }, where);
    return new V2Parser(root.ns, doc(version as RawDocument['version']), sink);
  }
  throw new TarjomanError('xliff-check:read.notXliff', { element: root.local, namespace: root.ns || '-' }, where);
}

/** Streams an XLIFF document's text into a sink, unit by unit. */
export function parseXliff(text: string, file: string, sink: RawSink): void {
  parseXliffChunks(() => [text], file, sink);
}

/** As `parseXliff`, from text that comes in chunks, so that a large file is never one string. */
export function parseXliffChunks(chunks: TextChunks, file: string, sink: RawSink): void {
  let delegate: XmlHandler | undefined;
  try {
    scanXml(chunks, file, {
      start(element) {
        delegate ??= rootHandler(element, file, sink);
        delegate.start(element);
      },
      end(element, at) {
        delegate?.end(element, at);
      },
      text(chunk) {
        delegate?.text(chunk);
      },
    });
  } finally {
    forgetCuts();
  }
}
