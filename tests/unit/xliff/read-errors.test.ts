import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setLocale } from '../../../src/i18n/index.js';
import { TarjomanError } from '../../../src/model/located-error.js';
import { readXliff } from '../../../src/xliff/read/index.js';
import { enc, fixture } from '../../fixtures/xliff/helpers.js';

function refusal(run: () => unknown): TarjomanError {
  try {
    run();
  } catch (error) {
    if (error instanceof TarjomanError) return error;
    throw error;
  }
  throw new Error('expected the reader to refuse the file');
}

const readError = (name: string) => refusal(() => readXliff(readFileSync(fixture('errors', name)), name));

describe('readXliff refuses what it cannot read safely, naming file, line and column', () => {
  it.each([
    ['doctype.xlf', 'xliff-check:read.doctype', 2, 1, 'the file has a DOCTYPE'],
    ['entity.xlf', 'xliff-check:read.entity', 5, 46, 'the entity &nbsp; is not one of the five XML predefines'],
    ['truncated.xlf', 'xliff-check:read.xml', 5, 50, 'not well-formed XML: unclosed tag: target'],
    ['mismatched.xlf', 'xliff-check:read.xml', 5, 60, 'not well-formed XML: unexpected close tag'],
    ['not-xliff.tmx.xlf', 'xliff-check:read.notXliff', 2, 1, 'not an XLIFF file: the root element is <tmx>'],
    ['wrong-namespace.xlf', 'xliff-check:read.notXliff', 2, 1, 'in namespace urn:example:not-xliff'],
    ['xliff-1.1.xlf', 'xliff-check:read.version', 2, 1, 'XLIFF version 1.1'],
    ['version-mismatch.xlf', 'xliff-check:read.version', 2, 1, 'XLIFF version 3.0'],
    ['no-srclang.xlf', 'xliff-check:read.missingAttribute', 2, 1, '<xliff> has no srcLang attribute'],
    ['latin1.xlf', 'xliff-check:read.encodingUnsupported', 1, 31, 'declares the encoding ISO-8859-1'],
    ['bad-utf8.xlf', 'errors:invalidUtf8', 3, 51, 'not valid UTF-8'],
    ['bad-utf16.xlf', 'xliff-check:read.invalidUtf16', 3, 48, 'not valid UTF-16'],
  ])('%s', (name, key, line, column, message) => {
    const error = readError(name);
    expect(error.key).toBe(key);
    expect(error.location).toMatchObject({ file: name, line, column });
    expect(error.message).toContain(message);
    expect(error.render()).toMatch(new RegExp(`^${name.replace(/\./gu, '\\.')}:${line}:${column}: `, 'u'));
  });

  it('refuses a DOCTYPE without an internal subset too', () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE xliff SYSTEM "http://example.com/xliff.dtd">\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>';
    expect(refusal(() => readXliff(enc(xml), 'x.xlf'))).toMatchObject({ key: 'xliff-check:read.doctype', location: { line: 2, column: 1 } });
  });

  it('refuses an empty file and text that is not XML', () => {
    expect(refusal(() => readXliff(enc(''), 'empty.xlf')).key).toBe('xliff-check:read.xml');
    expect(refusal(() => readXliff(enc('Hello, world'), 'hello.xlf'))).toMatchObject({ key: 'xliff-check:read.xml', location: { line: 1 } });
  });

  it('refuses a unit without an id at the unit', () => {
    const xml = '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en">\n<file id="f">\n  <unit><segment><source>x</source></segment></unit></file></xliff>';
    expect(refusal(() => readXliff(enc(xml), 'x.xlf'))).toMatchObject({ key: 'xliff-check:read.missingAttribute', location: { line: 3, column: 3 } });
  });

  it('decodes UTF-16 without a BOM from how <?xml is spelled, and UTF-8 with a BOM', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f"><unit id="u"><segment><source>سلام</source></segment></unit></file></xliff>';
    const le = new Uint8Array(Buffer.from(xml, 'utf16le'));
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    const bom8 = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(xml.replace('UTF-16', 'UTF-8'))]);
    for (const bytes of [le, be, bom8]) expect(readXliff(bytes, 'x.xlf').files[0]!.units[0]!.parts[0]!.source).toEqual([{ type: 'text', text: 'سلام' }]);
  });

  it('speaks Persian', () => {
    setLocale('fa');
    try {
      expect(readError('doctype.xlf').message).toContain('DOCTYPE دارد');
    } finally {
      setLocale('en');
    }
  });
});
