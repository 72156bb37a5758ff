import { formatDate, formatNumber, t } from '../i18n/index.js';
import { isRightToLeft } from '../lang/direction.js';
import { escapeHtml } from '../publish/escape.js';
import { splitLatinRuns } from '../publish/bidi.js';
import type { Finding } from '../xliff/check/index.js';
import { textKey, type QaReport, type ReportFile, type SegmentText } from './model.js';

export interface HtmlReportOptions {
  /** the locale of headings and labels; must be the one `t` is set to */
  locale: 'en' | 'fa';
  /** when the report was made; given, so the same input gives the same page */
  date: Date;
}


export function directionOf(lang: string): 'rtl' | 'ltr' {
  return isRightToLeft(lang) ? 'rtl' : 'ltr';
}

export { escapeHtml };

/**
 * Escapes right-to-left text and isolates its Latin runs, so that a name or an abbreviation
 * with punctuation is not reordered by the surrounding Persian.
 */
export function rtlText(value: string): string {
  return splitLatinRuns(value)
    .map((piece) => (piece.latin ? `<bdi dir="ltr">${escapeHtml(piece.text)}</bdi>` : escapeHtml(piece.text)))
    .join('');
}

function textIn(value: string, lang: string): string {
  return directionOf(lang) === 'rtl' ? rtlText(value) : escapeHtml(value);
}

const numberLocale = (locale: HtmlReportOptions['locale']) => (locale === 'fa' ? 'fa-IR' : 'en-US');

export function formatCount(value: number, locale: HtmlReportOptions['locale']): string {
  return formatNumber(value, numberLocale(locale));
}

/** The date in the Gregorian and the Solar Hijri calendars, in UTC so it does not depend on the machine. */
export function reportDates(date: Date, locale: HtmlReportOptions['locale']): { gregorian: string; solarHijri: string } {
  const base = locale === 'fa' ? 'fa-IR' : 'en-GB';
  return {
    gregorian: formatDate(date, { dateStyle: 'long', calendar: 'gregory' }, base),
    solarHijri: formatDate(date, { dateStyle: 'long', calendar: 'persian' }, base),
  };
}

/** A label with a number: the message picks the plural and writes the number in the locale's digits. */
function counted(key: string, count: number): string {
  return t(key, { count });
}

/** Inline text in the page's direction that may hold paths, ids or Latin words: isolated so it keeps its own order. */
const isolate = (value: string) => `<bdi>${escapeHtml(value)}</bdi>`;

function findingItem(finding: Finding, locale: HtmlReportOptions['locale']): string {
  const severity = finding.severity;
  const where = t('report:html.location', { line: formatCount(finding.line, locale), column: formatCount(finding.column, locale) });
  return [
    `<li class="finding ${severity}">`,
    `<span class="severity ${severity}">${escapeHtml(t(`report:severity.${severity}`))}</span> `,
    `<code class="rule" dir="ltr">${escapeHtml(finding.rule)}</code> `,
    `<span class="message">${isolate(finding.message)}</span> `,
    `<span class="where">${escapeHtml(where)}</span>`,
    `</li>`,
  ].join('');
}

function segmentBlock(segmentId: string | undefined, findings: Finding[], text: SegmentText | undefined, locale: HtmlReportOptions['locale']): string {
  const parts: string[] = ['<div class="segment">'];
  if (segmentId !== undefined) parts.push(`<h4>${escapeHtml(t('report:html.segment'))} ${isolate(segmentId)}</h4>`);
  if (text) {
    const sourceDir = directionOf(text.sourceLang);
    const targetDir = directionOf(text.targetLang);
    parts.push(
      '<dl class="texts">',
      `<dt>${escapeHtml(t('report:html.source'))}</dt>`,
      `<dd class="source" dir="${sourceDir}" lang="${escapeHtml(text.sourceLang)}">${textIn(text.source, text.sourceLang)}</dd>`,
      `<dt>${escapeHtml(t('report:html.target'))}</dt>`,
      text.target
        ? `<dd class="target" dir="${targetDir}" lang="${escapeHtml(text.targetLang)}">${textIn(text.target, text.targetLang)}</dd>`
        : `<dd class="target empty">${escapeHtml(t('report:html.noTarget'))}</dd>`,
      '</dl>',
    );
  }
  parts.push(`<ul class="findings">${findings.map((f) => findingItem(f, locale)).join('')}</ul>`, '</div>');
  return parts.join('\n');
}

/** Groups in the order first found, so the page follows the XLIFF file. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function fileSection(file: ReportFile, locale: HtmlReportOptions['locale']): string {
  const errors = file.findings.filter((f) => f.severity === 'error').length;
  const warnings = file.findings.length - errors;
  const parts: string[] = [
    '<section class="document">',
    `<h2>${isolate(file.original ?? file.xliff)}</h2>`,
    `<p class="meta">${escapeHtml(t('report:html.xliff'))} ${isolate(file.xliff)} · ${escapeHtml(counted('report:html.errors', errors))} · ${escapeHtml(counted('report:html.warnings', warnings))}</p>`,
  ];
  if (!file.findings.length) parts.push(`<p class="clean">${escapeHtml(t('report:html.noFindings'))}</p>`);
  const fileLevel = file.findings.filter((f) => f.unitId === undefined);
  if (fileLevel.length) parts.push(`<h3>${escapeHtml(t('report:html.wholeFile'))}</h3>`, segmentBlock(undefined, fileLevel, undefined, locale));
  const byUnit = groupBy(
    file.findings.filter((f) => f.unitId !== undefined),
    (f) => f.unitId!,
  );
  for (const [unitId, unitFindings] of byUnit) {
    parts.push('<article class="unit">', `<h3>${escapeHtml(t('report:html.unit'))} ${isolate(unitId)}</h3>`);
    for (const [segmentId, findings] of groupBy(unitFindings, (f) => f.segmentId ?? '')) {
      const id = segmentId === '' ? undefined : segmentId;
      parts.push(segmentBlock(id, findings, id === undefined ? undefined : file.texts.get(textKey(unitId, id)), locale));
    }
    parts.push('</article>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

const CSS = `
body { font-family: system-ui, "Vazirmatn", "Noto Sans Arabic", sans-serif; line-height: 1.6; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
h1, h2, h3, h4 { line-height: 1.3; }
h2 { border-bottom: 2px solid #444; padding-bottom: .2rem; margin-top: 2.5rem; }
h4 { margin: .5rem 0 .2rem; font-size: 1rem; color: #444; }
.summary, .meta { color: #333; }
.unit { border: 1px solid #ccc; border-radius: 4px; padding: .5rem 1rem; margin: 1rem 0; break-inside: avoid; }
dl.texts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .4rem 0; }
dt { font-weight: bold; color: #555; }
dd { margin: 0; }
dd.empty { font-style: italic; color: #666; }
ul.findings { list-style: none; padding: 0; margin: .3rem 0; }
li.finding { padding: .2rem .5rem; margin: .2rem 0; border-inline-start: 4px solid; }
li.error { border-color: #b00020; background: #fdecee; }
li.warning { border-color: #8a5a00; background: #fff6e0; }
.severity { font-weight: bold; text-transform: uppercase; font-size: .85em; }
.severity.error { color: #b00020; }
.severity.warning { color: #8a5a00; }
code.rule { font-family: ui-monospace, monospace; background: #eee; padding: 0 .3rem; border-radius: 3px; }
.where { color: #555; font-size: .9em; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; color: #000; }
  .unit { border-color: #999; }
  li.error, li.warning { background: none; }
  a { color: inherit; text-decoration: none; }
}
`.trim();

/** A stand-alone HTML page of the findings, grouped by document, unit and segment, in the given locale. */
export function renderHtmlReport(report: QaReport, options: HtmlReportOptions): string {
  const { locale, date } = options;
  const dir = locale === 'fa' ? 'rtl' : 'ltr';
  const dates = reportDates(date, locale);
  const title = t('report:html.title');
  const summary = t('report:html.summary', {
    files: counted('report:html.files', report.files.length),
    errors: counted('report:html.errors', report.counts.errors),
    warnings: counted('report:html.warnings', report.counts.warnings),
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}" dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(`${report.tool} ${report.version}`)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${CSS}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="date">${escapeHtml(t('report:html.date'))} <time datetime="${date.toISOString()}">${escapeHtml(dates.gregorian)}</time> (${escapeHtml(t('report:html.solarHijri'))}: ${escapeHtml(dates.solarHijri)})</p>`,
    `<p class="summary">${escapeHtml(summary)}</p>`,
    '</header>',
    '<main>',
    ...report.files.map((f) => fileSection(f, locale)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
