import { describe, expect, it } from 'vitest';
import { ScanError, XmlScanner } from '../../../src/xliff/read/scan.js';
import { streamXml, type XmlHandler } from '../../../src/xliff/read/xml.js';
import { seededRandom } from '../../helpers/random.js';

type Event = unknown[];

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

function recorder(events: Event[]): XmlHandler {
  return {
    start: (e) => events.push(['start', e.ns, e.local, { ...e.attrs }, e.line, e.column]),
    end: (e, at) => events.push(['end', e.local, at.line, at.column]),
    text: (t) => events.push(['text', t]),
  };
}

/** The scanner's events, or where it stopped, the text cut into the given chunks. */
function scan(chunks: string[]): { events: Event[]; stop?: { line: number; column: number } } {
  const events: Event[] = [];
  const scanner = new XmlScanner(recorder(events));
  try {
    for (const chunk of chunks) scanner.write(chunk);
    scanner.close();
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    return { events, stop: { line: error.line, column: error.column } };
  }
  return { events };
}

/**
 * Scans the text cut into `chunks` and expects what saxes does with it whole: the same events,
 * or a stop where saxes refuses. Says whether saxes refused.
 */
function expectAsSaxes(text: string, chunks: string[]): boolean {
  const saxes: Event[] = [];
  let refused = false;
  try {
    streamXml(text, 'f.xml', recorder(saxes));
  } catch {
    refused = true;
  }
  const scanned = scan(chunks);
  if (refused) expect(scanned.stop, text).toBeDefined();
  else expect(scanned, text).toEqual({ events: saxes });
  return refused;
}

/** The first UTF-16 unit XML does not allow, a surrogate out of its pair among them, looked at unit by unit. */
function firstBad(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) return i;
    if (c === 0xfffe || c === 0xffff) return i;
    if (c >= 0xdc00 && c <= 0xdfff) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i;
      i += 1;
    }
  }
  return -1;
}

describe('scanner fast paths agree with the general ones', () => {
  it('stops at the first disallowed character, lone surrogates included, however the text is cut', () => {
    const rand = seededRandom(41);
    const pieces = ['a', 'ب', '\uD83D\uDE00', '\uD800', '\uDC00', '\u0001', '\uFFFE', '\t'];
    let stops = 0;
    for (let round = 0; round < 2000; round++) {
      const body = Array.from({ length: Math.floor(rand() * 8) }, () => pick(rand, pieces)).join('');
      const text = `<r>${body}</r>`;
      const cut = Math.floor(rand() * (text.length + 1));
      const { stop } = scan([text.slice(0, cut), text.slice(cut)]);
      const bad = firstBad(body);
      if (bad < 0) expect(stop).toBeUndefined();
      else {
        expect(stop).toEqual({ line: 1, column: 4 + bad });
        stops += 1;
      }
    }
    expect(stops).toBeGreaterThan(500);
    expect(stops).toBeLessThan(1900);
  });

  it('reads element and attribute names, plain ASCII or not, as saxes does', () => {
    const rand = seededRandom(42);
    const names = ['a', 'x-y', 'n.1', '_b', 'A.b-c', 'a1', 'é', 'aé', 'b·c', 'p:q', 'p:é'];
    for (let round = 0; round < 1000; round++) {
      const element = pick(rand, names);
      const attributes = [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => pick(rand, names)))];
      const attrs = attributes.map((n) => ` ${n}${pick(rand, ['=', ' = ', '\n='])}"v${n}"`).join('');
      const text = `<r xmlns:p="urn:p"><${element}${attrs}${pick(rand, ['/>', `></${element}>`, ` ></${element} >`])}</r>`;
      const cut = Math.floor(rand() * (text.length + 1));
      const saxes: Event[] = [];
      streamXml(text, 'f.xml', recorder(saxes));
      expect(scan([text.slice(0, cut), text.slice(cut)])).toEqual({ events: saxes });
    }
  });

  it('reads attribute values and refuses bad attributes as saxes does, with or without prefixes', () => {
    const rand = seededRandom(43);
    const names = ['id', 'type', 'state', 'xml:space', 'p:a', 'xmlns:q', 'q:b', 'xmlns', '__proto__'];
    const pieces = ['v', 'ب', ' ', '&amp;', '&lt;', '&#x41;', '&#1588;', '\t', '\n', '\r\n', '\r', '>', '<', '&', '&bad;', "'", '"'];
    let refused = 0;
    for (let round = 0; round < 3000; round++) {
      const attributes = Array.from({ length: Math.floor(rand() * 4) }, () => {
        const quote = pick(rand, ['"', "'"]);
        const value = Array.from({ length: Math.floor(rand() * 4) }, () => pick(rand, pieces))
          .join('')
          .replaceAll(quote, '');
        return ` ${pick(rand, names)}=${quote}${value}${quote}`;
      });
      const text = `<r xmlns:p="urn:p"><e${attributes.join('')}/></r>`;
      const cut = Math.floor(rand() * (text.length + 1));
      if (expectAsSaxes(text, [text.slice(0, cut), text.slice(cut)])) refused += 1;
    }
    expect(refused).toBeGreaterThan(300);
    expect(refused).toBeLessThan(2700);
  });

  it('resolves prefixed names as saxes does while prefixes are bound, rebound and unbound again', () => {
    const rand = seededRandom(44);
    const uris = ['urn:a', 'urn:b', 'urn:c'];
    const names = ['p:a', 'q:a', 'p:b', 'xml:space', 'a', 'b'];
    for (let round = 0; round < 800; round++) {
      // nested elements, each may bind p or q anew, each with prefixed attributes read under the bindings in force
      const depth = 1 + Math.floor(rand() * 4);
      let open = '';
      let close = '';
      for (let d = 0; d < depth; d++) {
        const element = pick(rand, ['e', 'p:e', 'q:f']);
        const binds = [rand() < 0.5 ? ` xmlns:p="${pick(rand, uris)}"` : '', rand() < 0.3 ? ` xmlns:q="${pick(rand, uris)}"` : ''].join('');
        const attributes = [...new Set(Array.from({ length: Math.floor(rand() * 3) }, () => pick(rand, names)))].map((n) => ` ${n}="v"`).join('');
        open += `<${element}${binds}${attributes}>`;
        close = `</${element}>` + close;
      }
      const text = `<r xmlns:p="urn:p" xmlns:q="urn:q">${open}t${close}<p:e p:a="1"/></r>`;
      const cut = Math.floor(rand() * (text.length + 1));
      expectAsSaxes(text, [text.slice(0, cut), text.slice(cut)]);
    }
  });

  it('matches end tags to their start tags as saxes does, names that share a start or a length among them', () => {
    const rand = seededRandom(45);
    const names = ['a', 'ab', 'ba', 'abc', 'b', 'p:a', 'p:ab', 'source', 'sourcf', 'target'];
    let refused = 0;
    for (let round = 0; round < 2000; round++) {
      const start = pick(rand, names);
      const end = rand() < 0.5 ? start : pick(rand, names);
      const text = `<r xmlns:p="urn:p"><${start}>x</${end}${pick(rand, ['', ' ', '\n'])}></r>`;
      if (expectAsSaxes(text, [text])) refused += 1;
    }
    expect(refused).toBeGreaterThan(300);
    expect(refused).toBeLessThan(1700);
  });

  it('hands out the same events from a text given whole as from the same text in chunks', () => {
    const rand = seededRandom(46);
    const pieces = ['<e a="v">', '</e>', 'ب &amp; c', '<![CDATA[x<y]]>', '<p:e p:a="long value of many letters"/>', 'a longer run of text past a dozen units', '\r\n', '<!-- c -->'];
    for (let round = 0; round < 300; round++) {
      let body = '';
      let open = 0;
      for (let k = 0; k < 12; k++) {
        const piece = pick(rand, pieces);
        if (piece === '</e>' && open === 0) continue;
        if (piece === '<e a="v">') open += 1;
        if (piece === '</e>') open -= 1;
        body += piece;
      }
      const text = `<r xmlns:p="urn:p">${body}${'</e>'.repeat(open)}</r>`;
      const whole: Event[] = [];
      const scanner = new XmlScanner(recorder(whole), true);
      scanner.write(text);
      scanner.close();
      const cut = Math.floor(rand() * (text.length + 1));
      expect(scan([text.slice(0, cut), text.slice(cut)])).toEqual({ events: whole });
    }
  });

  it('replaces references in text as saxes does, and refuses what saxes refuses', () => {
    const rand = seededRandom(47);
    const pieces = ['a', 'ب', ' ', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#x41;', '&#1588;', '&#0;', '&#x10FFFF;', '&#xD800;', '&toString;', '&constructor;', '&bad;', '&;', '&', ';', '&#;', '&#x;', '&#65a;'];
    let refused = 0;
    for (let round = 0; round < 3000; round++) {
      const body = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => pick(rand, pieces)).join('');
      const text = `<r a="${body.replaceAll('"', '')}">${body}<e/>${body}</r>`;
      if (expectAsSaxes(text, [text])) refused += 1;
    }
    expect(refused).toBeGreaterThan(500);
    expect(refused).toBeLessThan(2900);
  });
});
