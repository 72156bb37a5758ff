import type { Document } from '../../model/schema.js';

const PLURAL_KEY = /^(.*?)(_ordinal)?_(zero|one|two|few|many|other)$/u;
const CLDR_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** The plural forms found for one key base, against those CLDR defines for the target language. */
export interface PluralFormsEntry {
  /** the base key path joined with `.`, e.g. `article.comment` for `article.comment_one` */
  key: string;
  ordinal: boolean;
  present: string[];
  required: string[];
  missing: string[];
  extra: string[];
}

const byCldrOrder = (a: string, b: string) => CLDR_ORDER.indexOf(a) - CLDR_ORDER.indexOf(b);

export function pluralCategories(lang: string, ordinal = false): string[] {
  return [...new Intl.PluralRules(lang, { type: ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories].sort(byCldrOrder);
}

function unitPath(document: Document, id: string, key: string | undefined): string[] | undefined {
  const paths = document.skeleton.meta.paths as Record<string, string[]> | undefined;
  return paths?.[id] ?? key?.split('.');
}

/**
 * i18next picks `key_one`, `key_few`… by the CLDR category of the count in the target language,
 * so a translation must carry exactly that language's forms: Persian needs `one` and `other`,
 * Arabic all six. Every plural key base is listed, with what is missing and what is extra.
 */
export function pluralFormsReport(document: Document, targetLang: string): PluralFormsEntry[] {
  const groups = new Map<string, { key: string; ordinal: boolean; present: Set<string> }>();
  for (const unit of document.units) {
    const path = unitPath(document, unit.id, unit.context.key);
    const last = path?.[path.length - 1];
    const m = last === undefined ? null : PLURAL_KEY.exec(last);
    if (!path || !m || m[1] === '') continue;
    const ordinal = m[2] !== undefined;
    const key = [...path.slice(0, -1), m[1]!].join('.');
    const group = `${ordinal ? 'o' : 'c'}\u0000${key}`;
    if (!groups.has(group)) groups.set(group, { key, ordinal, present: new Set() });
    groups.get(group)!.present.add(m[3]!);
  }
  return [...groups.values()].map(({ key, ordinal, present }) => {
    const required = pluralCategories(targetLang, ordinal);
    const have = [...present].sort(byCldrOrder);
    return {
      key,
      ordinal,
      present: have,
      required,
      missing: required.filter((c) => !present.has(c)),
      extra: have.filter((c) => !required.includes(c)),
    };
  });
}
