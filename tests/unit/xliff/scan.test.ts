import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TarjomanError } from '../../../src/model/located-error.js';
import { xliffText } from '../../../src/xliff/read/input.js';
import { ScanError, XmlScanner } from '../../../src/xliff/read/scan.js';
import { scanXml } from '../../../src/xliff/read/stream.js';
import { streamXml, type XmlHandler } from '../../../src/xliff/read/xml.js';

type Event = unknown[];

function recorder(events: Event[]): XmlHandler {
  return {
    start: (e) => events.push(['start', e.ns, e.local, { ...e.attrs }, e.line, e.column]),
    end: (e, at) => events.push(['end', e.local, at.line, at.column]),
    text: (t) => events.push(['text', t]),
  };
}

/** Events of the scanner, the text cut into the given chunks. */
function scanned(chunks: string[]): Event[] {
  const events: Event[] = [];
  const scanner = new XmlScanner(recorder(events));
  for (const chunk of chunks) scanner.write(chunk);
  scanner.close();
  return events;
}

function withSaxes(text: string): Event[] {
  const events: Event[] = [];
  streamXml(text, 'f.xml', recorder(events));
  return events;
}

function refusal(text: string): TarjomanError {
  try {
    scanXml(() => [text], 'f.xml', recorder([]));
  } catch (error) {
    if (error instanceof TarjomanError) return error;
    throw error;
  }
  throw new Error('expected the text to be refused');
}

function scanFailure(text: string): ScanError {
  try {
    scanned([text]);
  } catch (error) {
    if (error instanceof ScanError) return error;
    throw error;
  }
  throw new Error('expected the scanner to stop');
}

describe('the XML scanner', () => {
  it('reads elements, namespaces, attributes in both quote styles, entities, CDATA, comments and PIs as saxes does', () => {
    const text = [
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- before -->\n<?tool data?>\n',
      `<r xmlns="urn:a" xmlns:b='urn:b' b:x="1 &amp; 2" y='it&apos;s "q"' z="a\tb\r\nc">`,
      'one &lt;two&gt; &#x6F3;&#1779; &quot;<b:e/><![CDATA[<raw> & ]]>tail<!-- c --><?pi x?>\r\nend',
      '<c xmlns="" xml:space="preserve">in</c></r>\n<!-- after -->\n',
    ].join('');
    const events = scanned([text]);
    expect(events).toEqual(withSaxes(text));
    expect(events.find((e) => e[0] === 'start')).toEqual(['start', 'urn:a', 'r', { '{urn:b}x': '1 & 2', y: `it's "q"`, z: 'a b c' }, 4, 1]);
    expect(events).toContainEqual(['text', 'one <two> ۳۳ "']);
    expect(events).toContainEqual(['text', '<raw> & ']);
    expect(events).toContainEqual(['start', '', 'c', { '{http://www.w3.org/XML/1998/namespace}space': 'preserve' }, 6, 4]);
  });

  it('gives the same events however the text is cut into chunks', () => {
    const text = '<r a="1">\r\nx &amp; y<s>\uD83D\uDE00</s><![CDATA[c]]><!--k--></r>';
    const whole = scanned([text]);
    for (let cut = 1; cut < text.length; cut++) expect(scanned([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    expect(scanned([...text])).toEqual(whole);
  });

  it.each([
    ['<r><a></r>', 1, 7],
    ['<r a="1" a="2"/>', 1, 10],
    ['<r a=1/>', 1, 6],
    ['<r a="<"/>', 1, 6],
    ['<r>&nbsp;</r>', 1, 4],
    ['<r>&amp</r>', 1, 4],
    ['<r>&#0;</r>', 1, 4],
    ['<r>a ]]> b</r>', 1, 6],
    ['<r><!-- a -- b --></r>', 1, 4],
    ['<r>\n  <p:x/></r>', 2, 3],
    ['<r></r><s/>', 1, 8],
    ['text<r/>', 1, 1],
    ['<r>\u0001</r>', 1, 4],
    ['<r>', 1, 4],
    ['', 1, 1],
    ['<r><!DOCTYPE x></r>', 1, 4],
  ])('stops on malformed XML: %j at %i:%i', (text, line, column) => {
    const error = scanFailure(text);
    expect(error).toMatchObject({ line, column });
  });

  it('refuses malformed XML with saxes’s message, file, line and column', () => {
    const error = refusal('<xliff>\n  <a></b>\n</xliff>');
    expect(error.key).toBe('xliff-check:read.xml');
    expect(error.location).toMatchObject({ file: 'f.xml', line: 2 });
    expect(error.message).toContain('unexpected close tag');
    expect(refusal('<r>&nbsp;</r>').key).toBe('xliff-check:read.entity');
    expect(refusal('<r>&nbsp;</r>').params).toEqual({ name: 'nbsp' });
  });

  it('refuses a DOCTYPE and entity declarations outright', () => {
    const error = refusal('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY e "x">]>\n<r>&e;</r>');
    expect(error.key).toBe('xliff-check:read.doctype');
    expect(error.location).toMatchObject({ line: 2, column: 1 });
    expect(scanFailure('<!DOCTYPE r><r/>').doctype).toBe(true);
  });

  it('leaves an XML 1.1 document, which it does not read itself, to saxes', () => {
    const events: Event[] = [];
    scanXml(() => ['<?xml version="1.1"?><r>x</r>'], 'f.xml', recorder(events));
    expect(events).toEqual([['start', '', 'r', {}, 1, 22], ['text', 'x'], ['end', 'r', 1, 26]]);
  });

  it('matches saxes on generated documents, events and positions alike', () => {
    const name = fc.constantFrom('a', 'b', 'seg', 'x-y', 'n.1', 'é');
    const chars = fc.constantFrom('t', ' ', '\n', '\r\n', '\t', '&amp;', '&lt;', '&#x6F0;', '&#65;', 'ی', '"', "'", '>', '\uD83D\uDE00');
    const textArb = fc.array(chars, { maxLength: 6 }).map((c) => c.join(''));
    type Node = string;
    const attr = fc.tuple(fc.constantFrom('id', 'k', 'p:v', 'xml:lang'), textArb, fc.boolean()).map(([n, v, single]) => {
      const value = v.replace(/"/gu, '&quot;').replace(/'/gu, '&apos;');
      return single ? ` ${n}='${value}'` : ` ${n}="${value}"`;
    });
    const leaf: fc.Arbitrary<Node> = fc.oneof(
      textArb,
      textArb.map((t) => `<![CDATA[${t.replace(/&/gu, '')}]]>`),
      fc.constant('<!-- note -->'),
      fc.constant('<?pi data?>'),
    );
    const { node } = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc
          .tuple(name, fc.uniqueArray(attr, { maxLength: 3, selector: (a) => a.split('=')[0] }), fc.array(tie('node'), { maxLength: 4 }), fc.boolean())
          .map(([n, attrs, children, empty]) => (empty && children.length === 0 ? `<${n}${attrs.join('')}/>` : `<${n}${attrs.join('')}>${children.join('')}</${n} >`)),
      ),
    }));
    const doc = fc.tuple(fc.array(node, { maxLength: 5 }), fc.integer({ min: 1, max: 40 })).map(([children, cut]) => ({
      text: `<?xml version="1.0"?>\n<root xmlns="urn:x" xmlns:p="urn:p">${children.join('')}</root>\n`,
      cut,
    }));
    fc.assert(
      fc.property(doc, ({ text, cut }) => {
        const chunks: string[] = [];
        for (let i = 0; i < text.length; i += cut) chunks.push(text.slice(i, i + cut));
        // a chunk ending inside a surrogate pair is the caller's to avoid; the scanner copes anyway
        expect(scanned(chunks)).toEqual(withSaxes(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('XLIFF text read from a file in chunks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams UTF-8 without its BOM, and refuses bad bytes where reading the whole file would', () => {
    const good = join(dir, 'good.xlf');
    writeFileSync(good, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<r>${'ی'.repeat(1 << 20)}</r>`)]));
    expect([...xliffText({ file: good }, good)()].join('')).toBe(`<r>${'ی'.repeat(1 << 20)}</r>`);
    const bad = join(dir, 'bad.xlf');
    writeFileSync(bad, Buffer.concat([Buffer.from('<r>\nab'), Buffer.from([0xff]), Buffer.from('</r>')]));
    expect(() => xliffText({ file: bad }, bad)).toThrowError(expect.objectContaining({ key: 'errors:invalidUtf8', location: expect.objectContaining({ line: 2, column: 3 }) }));
  });
});
