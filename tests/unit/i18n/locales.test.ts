import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/gu)].map((m) => m[1]).sort();

describe('locales', () => {
  const namespaces = readdirSync(join(root, 'en')).filter((f) => f.endsWith('.json'));

  it('has the same namespaces in English and Persian', () => {
    expect(readdirSync(join(root, 'fa')).filter((f) => f.endsWith('.json')).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)('%s: same keys and placeholders in both languages, Persian letters only', (file) => {
    const en = flatten(JSON.parse(readFileSync(join(root, 'en', file), 'utf8')));
    const fa = flatten(JSON.parse(readFileSync(join(root, 'fa', file), 'utf8')));
    expect([...fa.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, message] of en) {
      expect(placeholders(fa.get(key)!), `${file}:${key}`).toEqual(placeholders(message));
      expect(fa.get(key)!, `${file}:${key} uses Arabic yeh or kaf`).not.toMatch(/[\u064A\u0643]/u);
    }
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
