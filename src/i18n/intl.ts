import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';

/** One cache for every locale, so formatters (number, list, plural rules) are built once per option set. */
const cache = createIntlCache();
const byLocale = new Map<string, IntlShape>();

/** The @formatjs/intl object for a locale, created on first use. */
export function intlFor(locale: string): IntlShape {
  let intl = byLocale.get(locale);
  if (!intl) {
    intl = createIntl(
      {
        locale,
        defaultLocale: 'en',
        messages: {},
        // Formatting errors are programming errors here; the default handler only logs them.
        onError: (error) => {
          throw error;
        },
      },
      cache,
    );
    byLocale.set(locale, intl);
  }
  return intl;
}
