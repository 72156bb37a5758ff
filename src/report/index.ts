export { buildReport, jsonReport, segmentTexts, textKey, type QaReport, type ReportFile, type SegmentText } from './model.js';
export { directionOf, escapeHtml, formatCount, renderHtmlReport, reportDates, rtlText, type HtmlReportOptions } from './html.js';
