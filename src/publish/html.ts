import { currentLocale, t } from '../i18n/index.js';
import { isRightToLeft } from '../lang/direction.js';
import type { Content } from '../model/schema.js';
import { persianDigitsOutsideLatin, splitLatinRuns } from './bidi.js';
import { escapeHtml, htmlId } from './escape.js';
import { byUnit, type SegmentPair } from './pairs.js';

export interface ParallelHtmlOptions {
  title: string;
  sourceLang: string;
  targetLang: string;
  /** language of the page's own headings; the tool's current locale by default */
  locale?: string;
}

function primary(lang: string): string {
  return lang.toLowerCase().split(/[-_]/u)[0] ?? '';
}

/** Language name for a column heading, in the page's language; the code itself where locales have none. */
function languageName(lang: string, locale: string): string {
  const key = `publish:html.language.${primary(lang)}`;
  const name = t(key, { lng: locale });
  return name === key || name === `html.language.${primary(lang)}` ? lang : name;
}

function heading(key: string, locale: string, params: Record<string, unknown> = {}): string {
  return escapeHtml(t(`publish:html.${key}`, { ...params, lng: locale }));
}

/**
 * Text of one side. On a right-to-left side Latin runs are isolated so "(PMOI/MEK)" keeps its
 * order, and in Persian the digits outside them become Persian digits. Inline codes are not
 * shown: their markup belongs to the original's format, not to this page.
 */
function renderText(content: Content, lang: string): string {
  const rtl = isRightToLeft(lang);
  const persian = primary(lang) === 'fa';
  let out = '';
  for (const item of content) {
    if (item.type !== 'text') continue;
    if (!rtl) {
      out += escapeHtml(item.text);
      continue;
    }
    for (const piece of splitLatinRuns(item.text)) {
      if (piece.latin) out += `<bdi>${escapeHtml(piece.text)}</bdi>`;
      else out += escapeHtml(persian ? persianDigitsOutsideLatin(piece.text) : piece.text);
    }
  }
  return out;
}

function side(group: SegmentPair[], which: 'source' | 'target', lang: string, locale: string): string {
  const dir = isRightToLeft(lang) ? 'rtl' : 'ltr';
  const spans = group.map((pair) => {
    const id = htmlId(which === 'source' ? 'src' : 'tgt', pair.unit, pair.segment);
    const before = renderText(pair.before, lang);
    const content = which === 'source' ? pair.source : pair.target;
    if (content === undefined) return `${before}<span id="${id}" class="seg untranslated" title="${heading('untranslated', locale)}"></span>`;
    return `${before}<span id="${id}" class="seg" data-state="${escapeHtml(pair.state)}">${renderText(content, lang)}</span>`;
  });
  return `<td class="${which}" lang="${escapeHtml(lang)}" dir="${dir}">${spans.join('')}</td>`;
}

const STYLE = `
:root { --rule: #c8c8c8; --muted: #666; }
body { margin: 1.5rem; font: 1rem/1.7 system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #111; background: #fff; }
[lang|="fa"], [lang|="ar"] { font-family: Vazirmatn, "Vazir", "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, "Segoe UI", sans-serif; line-height: 1.9; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { width: 50%; vertical-align: top; padding: 0.4rem 0.75rem; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; word-break: normal; }
th { text-align: left; font-size: 0.9rem; color: var(--muted); border-bottom: 2px solid var(--rule); }
td[dir="rtl"], th[data-side="rtl"] { text-align: right; }
td[dir="ltr"] { text-align: left; }
tr.kind-title td { font-size: 1.3rem; font-weight: 700; }
tr.kind-heading td { font-weight: 700; }
tr.kind-byline td { color: var(--muted); }
.seg:target { background: #fff3b0; }
.untranslated::before { content: "\\2014"; color: #b00; }
@media print {
  body { margin: 0; font-size: 10.5pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  td, th { border-color: #999; }
  .seg:target { background: none; }
  @page { margin: 1.5cm; }
}
`;

/** A bilingual page: one table row per unit, source and target side by side, segment by segment. */
export function parallelHtml(pairs: readonly SegmentPair[], options: ParallelHtmlOptions): string {
  const locale = options.locale ?? currentLocale();
  const pageLang = locale;
  const pageDir = isRightToLeft(pageLang) ? 'rtl' : 'ltr';
  const rows = byUnit(pairs).map(
    (group) =>
      `<tr id="${htmlId('unit', group[0]!.unit)}" class="kind-${escapeHtml(group[0]!.kind)}">` +
      side(group, 'source', options.sourceLang, locale) +
      side(group, 'target', options.targetLang, locale) +
      `</tr>`,
  );
  const colSource = escapeHtml(languageName(options.sourceLang, locale));
  const colTarget = escapeHtml(languageName(options.targetLang, locale));
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(pageLang)}" dir="${pageDir}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="tarjoman">`,
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${heading('heading', locale, { title: options.title })}</h1>`,
    `<table class="parallel" dir="ltr">`,
    `<caption hidden>${heading('caption', locale, { segments: pairs.length })}</caption>`,
    `<thead><tr><th scope="col" lang="${escapeHtml(pageLang)}" dir="${pageDir}">${colSource}</th><th scope="col" lang="${escapeHtml(pageLang)}" dir="${pageDir}" data-side="${isRightToLeft(options.targetLang) ? 'rtl' : 'ltr'}">${colTarget}</th></tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody>',
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
