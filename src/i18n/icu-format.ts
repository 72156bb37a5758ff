import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { intlFor } from './intl.js';

type IntlMessageFormat = ReturnType<ReturnType<typeof intlFor>['formatters']['getMessageFormat']>;

interface Compiled {
  format: IntlMessageFormat;
  /** every argument the message names, so a missing one can be shown instead of failing */
  args: string[];
}

function argumentNames(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      argumentNames(el.children, into);
      continue;
    }
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select)
      for (const option of Object.values(el.options)) argumentNames(option.value, into);
  }
  return into;
}

/** Parsed messages by locale and text: parsing is the costly step, formatting is cheap. */
const compiled = new Map<string, Compiled>();

function compile(message: string, locale: string): Compiled {
  const cacheKey = `${locale}\u0000${message}`;
  let entry = compiled.get(cacheKey);
  if (!entry) {
    const intl = intlFor(locale);
    // Messages are plain text for terminals and JSON: `<` is a character, not a rich-text tag.
    const format = intl.formatters.getMessageFormat(message, locale, intl.formats, { formatters: intl.formatters, ignoreTag: true });
    entry = { format, args: [...argumentNames(format.getAst())] };
    compiled.set(cacheKey, entry);
  }
  return entry;
}

/** Formats one ICU message; an argument the caller forgot shows as `{name}` rather than hiding the message. */
export function formatIcu(message: string, locale: string, values: Record<string, unknown>): string {
  const { format, args } = compile(message, locale);
  const filled: Record<string, unknown> = { ...values };
  for (const name of args) if (filled[name] === undefined || filled[name] === null) filled[name] = `{${name}}`;
  return String(format.format(filled as Record<string, string | number>));
}

/** i18next's formatting seam: resource strings are ICU MessageFormat, formatted for the language i18next resolved. */
export const icuFormat = {
  type: 'i18nFormat' as const,
  parse(res: unknown, options: Record<string, unknown>, lng: string | undefined): unknown {
    if (typeof res !== 'string') return res;
    return formatIcu(res, lng ?? 'en', options);
  },
  /** One ICU message holds every plural form, so no `key_one`/`key_other` lookups. */
  addLookupKeys(): void {},
};
