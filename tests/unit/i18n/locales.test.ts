import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { resolveLocale, setLocale, t } from '../../../src/i18n/index.js';

const root = join(import.meta.dirname, '..', '..', '..', 'locales');

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  return out;
}

const TYPE_NAMES: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'argument',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
};

/** Every argument of a message as `name:type`, and the plural selectors it uses. */
function argumentsOf(elements: readonly MessageFormatElement[], args = new Set<string>(), plurals: string[][] = []) {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentsOf(el.children, args, plurals);
      continue;
    }
    const ordinal = el.type === TYPE.plural && el.pluralType === 'ordinal';
    args.add(`${el.value}:${ordinal ? 'selectordinal' : TYPE_NAMES[el.type]}`);
    if (el.type === TYPE.plural) plurals.push(Object.keys(el.options).filter((k) => !k.startsWith('=')));
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentsOf(option.value, args, plurals);
  }
  return { args: [...args].sort(), plurals };
}

const parseMessage = (message: string) => parse(message, { ignoreTag: true });

describe('locales', () => {
  const namespaces = readdirSync(join(root, 'en')).filter((f) => f.endsWith('.json'));
  const load = (lang: string, file: string) => flatten(JSON.parse(readFileSync(join(root, lang, file), 'utf8')));

  it('has the same namespaces in English and Persian', () => {
    expect(readdirSync(join(root, 'fa')).filter((f) => f.endsWith('.json')).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)('%s: same keys in both languages', (file) => {
    expect([...load('fa', file).keys()].sort()).toEqual([...load('en', file).keys()].sort());
  });

  it.each(namespaces)('%s: every message is ICU with the same arguments (names and types) in both languages', (file) => {
    const en = load('en', file);
    const fa = load('fa', file);
    for (const [key, message] of en) {
      const persian = fa.get(key);
      if (persian === undefined) continue;
      expect(argumentsOf(parseMessage(persian)).args, `${file}:${key}`).toEqual(argumentsOf(parseMessage(message)).args);
    }
  });

  it.each(namespaces)('%s: plurals use the CLDR categories of their language, and i18next syntax is gone', (file) => {
    for (const lang of ['en', 'fa']) {
      const categories = [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort();
      for (const [key, message] of load(lang, file)) {
        for (const selectors of argumentsOf(parseMessage(message)).plurals)
          expect([...selectors].sort(), `${lang}/${file}:${key}`).toEqual(categories);
        expect(key, `${lang}/${file}:${key} is an i18next plural key`).not.toMatch(/_(zero|one|two|few|many|other)$/u);
        expect(message, `${lang}/${file}:${key} has an i18next placeholder`).not.toMatch(/\{\{\s*\w+\s*\}\}(?!\})/u);
        // A lone apostrophe before a brace would quote it, so apostrophes are doubled except around a quoted brace.
        const unquoted = message.replace(/'[{}#|][^']*'/gu, '');
        expect(unquoted, `${lang}/${file}:${key} has a lone apostrophe`).not.toMatch(/(?<!')'(?!')/u);
      }
    }
  });

  it.each(namespaces)('%s: Persian letters only', (file) => {
    for (const [key, message] of load('fa', file)) expect(message, `${file}:${key} uses Arabic yeh or kaf`).not.toMatch(/[\u064A\u0643]/u);
  });

  it('resolves the locale from the flag, then LC_ALL, LC_MESSAGES, LANG, then English', () => {
    expect(resolveLocale('fa', {})).toBe('fa');
    expect(resolveLocale(undefined, { LANG: 'fa_IR.UTF-8' })).toBe('fa');
    expect(resolveLocale(undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'fa_IR.UTF-8' })).toBe('en');
    expect(resolveLocale(undefined, { LC_MESSAGES: 'fa', LANG: 'en_GB' })).toBe('fa');
    expect(resolveLocale(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(resolveLocale(undefined, {})).toBe('en');
  });

  it('renders messages in the chosen language', () => {
    setLocale('fa');
    expect(t('errors:readFailed', { reason: 'ENOENT' })).toBe('پرونده خوانده نشد: ENOENT');
    setLocale('en');
    expect(t('errors:readFailed', { reason: 'ENOENT' })).toBe('cannot read the file: ENOENT');
  });
});
