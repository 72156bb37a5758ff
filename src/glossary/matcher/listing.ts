import { t } from '../../i18n/index.js';
import { lineColumn } from '../../model/located-error.js';
import type { Glossary } from '../schema.js';
import { createMatcher, primaryLanguage, termsIn } from './index.js';

/** One line of `tarjoman terms --json`. */
export interface TermListing {
  entry: string;
  start: number;
  end: number;
  text: string;
  /** the other language's preferred and admitted terms, preferred first */
  targets: string[];
}

/** The language a listing shows equivalents in: the glossary's first language other than `lang`. */
export function otherLanguage(glossary: Glossary, lang: string): string | undefined {
  const primary = primaryLanguage(lang);
  const declared = glossary.languages.find((l) => primaryLanguage(l) !== primary);
  if (declared) return declared;
  for (const concept of glossary.entries)
    for (const code of Object.keys(concept.terms)) if (primaryLanguage(code) !== primary) return code;
  return undefined;
}

export function listTerms(text: string, glossary: Glossary, lang: string): TermListing[] {
  const other = otherLanguage(glossary, lang);
  const byId = new Map(glossary.entries.map((c) => [c.id, c] as const));
  return createMatcher(glossary, lang)
    .find(text)
    .map((hit) => {
      const concept = byId.get(hit.conceptId)!;
      const targets = other
        ? termsIn(concept, other)
            .filter((term) => term.status === 'preferred' || term.status === 'admitted')
            .map((term) => term.text)
        : [];
      return { entry: hit.conceptId, start: hit.start, end: hit.end, text: hit.text, targets };
    });
}

/** Terminal width of a string, near enough: marks and invisible joiners take no column. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) if (!/[\p{M}\p{Cf}]/u.test(ch)) n++;
  return n;
}

function pad(s: string, to: number): string {
  return s + ' '.repeat(Math.max(0, to - width(s)));
}

/** Line breaks inside a match (a name wrapped across lines) would break the table's rows. */
const oneLine = (s: string) => s.replace(/\s+/gu, ' ');

/** The listing as a table: position (line:column), text, entry, preferred target term. */
export function renderTermTable(text: string, listing: readonly TermListing[]): string {
  if (listing.length === 0) return `${t('terms:cli.none')}\n`;
  const rows = listing.map((item) => {
    const { line, column } = lineColumn(text, item.start);
    return [`${line}:${column}`, oneLine(item.text), item.entry, item.targets[0] ?? ''];
  });
  const header = ['position', 'text', 'entry', 'target'].map((k) => t(`terms:cli.column.${k}`));
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const render = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  const lines = [render(header), ...rows.map(render)];
  lines.push('', t('terms:cli.count', { count: listing.length }));
  return `${lines.join('\n')}\n`;
}
