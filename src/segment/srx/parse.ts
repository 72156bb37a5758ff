import { readFileSync } from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { TarjomanError, lineColumn } from '../../model/located-error.js';
import type { SrxDocument, SrxFormatHandle, SrxLanguageRule, SrxPosition, SrxRule } from './model.js';

export const SRX_NAMESPACE = 'http://www.lisa.org/srx20';

/** Which SRX elements may appear inside which; the root is the empty name. */
const CHILDREN: Record<string, readonly string[]> = {
  '': ['srx'],
  srx: ['header', 'body'],
  header: ['formathandle'],
  body: ['languagerules', 'maprules'],
  languagerules: ['languagerule'],
  languagerule: ['rule'],
  rule: ['beforebreak', 'afterbreak'],
  maprules: ['languagemap'],
  formathandle: [],
  languagemap: [],
  beforebreak: [],
  afterbreak: [],
};

/**
 * Reads an SRX 2.0 document. Entities other than XML's five are never expanded: a DOCTYPE is
 * refused, and saxes reports any other entity reference as an error.
 */
export function parseSrx(text: string, path: string): SrxDocument {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const parser = new SaxesParser({ xmlns: true, position: true });
  const at = (offset: number): SrxPosition => lineColumn(source, offset);
  const fail = (key: string, params: Record<string, unknown>, where: SrxPosition): never => {
    throw new TarjomanError(`segment:srx.${key}`, { file: path, ...params }, { file: path, ...where });
  };

  const doc: SrxDocument = {
    path,
    version: '',
    segmentSubflows: true,
    cascade: false,
    formatHandles: [],
    languageRules: new Map(),
    languageMaps: [],
  };
  const stack: string[] = [];
  // Elements of other vocabularies are extensions: skipped with everything inside them.
  let foreignDepth = 0;
  let tagStart: SrxPosition = { line: 1, column: 1 };
  let currentRules: SrxLanguageRule | undefined;
  let currentRule: SrxRule | undefined;
  let seen = new Set<string>();
  let patternText = '';

  const yesNo = (tag: SaxesTagNS, name: string, fallback: boolean): boolean => {
    const value = tag.attributes[name]?.value;
    if (value === undefined) return fallback;
    if (value === 'yes') return true;
    if (value === 'no') return false;
    return fail('badAttribute', { attribute: name, element: tag.local, value }, tagStart);
  };
  const required = (tag: SaxesTagNS, name: string): string => {
    const value = tag.attributes[name]?.value;
    if (value === undefined) fail('missingAttribute', { attribute: name, element: tag.local }, tagStart);
    return value!;
  };

  parser.on('error', (error) => {
    fail('malformed', { reason: error.message.replace(/^\d+:\d+: /u, '') }, { line: parser.line, column: parser.column });
  });
  parser.on('doctype', () => {
    fail('doctype', {}, { line: parser.line, column: parser.column });
  });
  parser.on('opentagstart', () => {
    tagStart = at(Math.max(0, source.lastIndexOf('<', parser.position - 1)));
  });
  parser.on('opentag', (tag) => {
    if (foreignDepth > 0 || (tag.uri !== SRX_NAMESPACE && tag.uri !== '')) {
      if (stack.length === 0) fail('notSrx', { element: tag.name }, tagStart);
      foreignDepth += 1;
      return;
    }
    const parent = stack[stack.length - 1] ?? '';
    const name = tag.local;
    if (!(CHILDREN[parent] ?? []).includes(name))
      fail(stack.length === 0 ? 'notSrx' : 'unexpectedElement', { element: name, parent }, tagStart);
    stack.push(name);
    switch (name) {
      case 'srx':
        doc.version = required(tag, 'version');
        if (doc.version !== '2.0') fail('version', { version: doc.version }, tagStart);
        break;
      case 'header':
        doc.segmentSubflows = yesNo(tag, 'segmentsubflows', true);
        doc.cascade = yesNo(tag, 'cascade', false);
        break;
      case 'formathandle': {
        const type = required(tag, 'type');
        if (type !== 'start' && type !== 'end' && type !== 'isolated')
          fail('badAttribute', { attribute: 'type', element: name, value: type }, tagStart);
        const handle: SrxFormatHandle = { type: type as SrxFormatHandle['type'], include: yesNo(tag, 'include', false) };
        doc.formatHandles.push(handle);
        break;
      }
      case 'languagerule': {
        const ruleName = required(tag, 'languagerulename');
        if (doc.languageRules.has(ruleName)) fail('duplicateLanguageRule', { name: ruleName }, tagStart);
        currentRules = { name: ruleName, rules: [], position: tagStart };
        doc.languageRules.set(ruleName, currentRules);
        break;
      }
      case 'rule':
        currentRule = { break: yesNo(tag, 'break', true), beforeBreak: '', afterBreak: '', position: tagStart };
        currentRules!.rules.push(currentRule);
        seen = new Set();
        break;
      case 'beforebreak':
      case 'afterbreak': {
        if (seen.has(name)) fail('unexpectedElement', { element: name, parent }, tagStart);
        seen.add(name);
        const where = at(parser.position);
        if (name === 'beforebreak') currentRule!.beforePosition = where;
        else currentRule!.afterPosition = where;
        patternText = '';
        break;
      }
      case 'languagemap':
        doc.languageMaps.push({
          languagePattern: required(tag, 'languagepattern'),
          languageRuleName: required(tag, 'languagerulename'),
          position: tagStart,
        });
        break;
      default:
        break;
    }
  });
  const addText = (chunk: string) => {
    const current = stack[stack.length - 1];
    if (foreignDepth === 0 && (current === 'beforebreak' || current === 'afterbreak')) patternText += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    if (foreignDepth > 0) {
      foreignDepth -= 1;
      return;
    }
    const name = stack.pop();
    if (name === 'beforebreak') currentRule!.beforeBreak = patternText;
    else if (name === 'afterbreak') currentRule!.afterBreak = patternText;
  });

  parser.write(source).close();
  if (doc.version === '') fail('notSrx', { element: '' }, { line: 1, column: 1 });
  for (const map of doc.languageMaps) {
    if (!doc.languageRules.has(map.languageRuleName))
      fail('unknownLanguageRule', { name: map.languageRuleName }, map.position);
  }
  return doc;
}

/** Reads and parses an SRX file. */
export function loadSrx(path: string): SrxDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new TarjomanError('segment:srx.readFailed', { file: path, reason }, { file: path }, { cause: error });
  }
  return parseSrx(text, path);
}
