import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type Resource } from 'i18next';
import { icuFormat } from './icu-format.js';
import { intlFor } from './intl.js';

/** The tool's own messages live in locales/<lang>/<namespace>.json, beside src/ and dist/. */
const localesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'locales');

export const SUPPORTED_LOCALES = ['en', 'fa'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

function loadResources(): { resources: Resource; namespaces: string[] } {
  const resources: Resource = {};
  const namespaces = new Set<string>();
  for (const lang of SUPPORTED_LOCALES) {
    resources[lang] = {};
    for (const file of readdirSync(join(localesDir, lang))) {
      if (!file.endsWith('.json')) continue;
      const ns = file.slice(0, -'.json'.length);
      namespaces.add(ns);
      resources[lang]![ns] = JSON.parse(readFileSync(join(localesDir, lang, file), 'utf8'));
    }
  }
  return { resources, namespaces: [...namespaces] };
}

let instance: i18n | undefined;

function get(): i18n {
  if (instance) return instance;
  const { resources, namespaces } = loadResources();
  // Messages are ICU MessageFormat (plurals, numbers, selects in the message), formatted by @formatjs/intl.
  const created = i18next.createInstance().use(icuFormat);
  void created.init({
    lng: 'en',
    fallbackLng: 'en',
    ns: namespaces,
    defaultNS: 'cli',
    resources,
    initAsync: false,
    // Messages are plain text for terminals and JSON, not HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance = created;
  return created;
}

/** Picks the locale: an explicit choice, then LC_ALL, LC_MESSAGES, LANG, then English. */
export function resolveLocale(explicit?: string, env: NodeJS.ProcessEnv = process.env): Locale {
  for (const candidate of [explicit, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!candidate) continue;
    const lang = candidate.toLowerCase().split(/[_.@-]/)[0];
    if (lang && (SUPPORTED_LOCALES as readonly string[]).includes(lang)) return lang as Locale;
    if (explicit === candidate) continue;
    // A set but unsupported LC_ALL still wins over LANG, as POSIX says: fall back to English.
    if (lang && lang !== 'c' && lang !== 'posix') return 'en';
  }
  return 'en';
}

export function setLocale(locale: Locale): void {
  void get().changeLanguage(locale);
}

export function currentLocale(): Locale {
  return (get().language as Locale | undefined) ?? 'en';
}

/** A message by key (`namespace:key`), with its placeholders filled. */
export function t(key: string, params: Record<string, unknown> = {}): string {
  return get().t(key, params as Record<string, string>) as string;
}

/** A number in the current locale's digits and grouping (Persian digits in Persian). */
export function formatNumber(value: number, locale: string = currentLocale()): string {
  return intlFor(locale).formatNumber(value);
}

/** Items joined as the current locale joins a list: "a, b and c" (conjunction) or "a, b or c" (disjunction). */
export function formatList(items: Iterable<string>, type: 'conjunction' | 'disjunction' = 'conjunction', locale: string = currentLocale()): string {
  return intlFor(locale).formatList(items, { type });
}

/**
 * A date in the current locale. `calendar` picks the calendar (`persian` for Solar Hijri);
 * the time zone defaults to UTC so a date does not depend on the machine it was written on.
 */
export function formatDate(date: Date, options: Intl.DateTimeFormatOptions & { calendar?: string } = {}, locale: string = currentLocale()): string {
  const { calendar, ...rest } = options;
  const tag = calendar ? `${locale}-u-ca-${calendar}` : locale;
  return intlFor(tag).formatDate(date, { timeZone: 'UTC', ...rest });
}
