import { describe, expect, it } from 'vitest';
import { renderResults } from '../../../bench/report.js';
import { MB, READER_NAMES, xliffCases } from '../../../bench/sections.js';

const machine = { cpu: 'test CPU', cores: 2, memoryGb: '1.0', os: 'test OS', node: 'v20', loadBefore: '0.0', loadAfter: '0.0' };

function readingRows(source: 'html' | 'text', qaSeconds: number) {
  const base = { version: '1.2', source, bytesAsked: 10 * MB, bytes: 10 * MB };
  return [
    { ...base, reader: 'read', seconds: qaSeconds / 2, maxRssKb: 100_000 },
    { ...base, reader: 'read-qa', seconds: qaSeconds, maxRssKb: 100_000, segments: 10, findings: 0 },
    { ...base, reader: 'qa-command', seconds: qaSeconds * 3, maxRssKb: 100_000 },
    { ...base, reader: 'xliff-package', seconds: 4, maxRssKb: 100_000 },
    { ...base, reader: 'saxes', seconds: 0.5, maxRssKb: 100_000 },
    { ...base, reader: 'pocount', seconds: 6, startupSeconds: 0.5, maxRssKb: 100_000 },
  ];
}

function targetLine(markdown: string, start: string): string {
  const line = markdown.split('\n').find((l) => l.startsWith(`| ${start}`));
  if (!line) throw new Error(`no row starting ${start}`);
  return line;
}

describe('benchmark report', () => {
  const results = {
    command: 'node bench/run.js',
    date: '2026-01-01T00:00:00Z',
    seed: 1,
    quick: false,
    totalSeconds: 60,
    machine,
    extraction: [
      { format: 'html', bytesAsked: 10 * MB, bytes: 10 * MB, extractSeconds: 4, annotateSeconds: 1, seconds: 5, maxRssKb: 1, segments: 1, matches: 1, parseSeconds: 3, floorSeconds: 2, floorName: 'parse5 with source locations', roundTripSeconds: 0.5, segmentSeconds: 0.5, writeSeconds: 1 },
      { format: 'text', bytesAsked: 10 * MB, bytes: 10 * MB, extractSeconds: 0.4, annotateSeconds: 0.1, seconds: 0.5, maxRssKb: 1, segments: 1, matches: 1, onePass: true, parseSeconds: 0.2, roundTripSeconds: 0, segmentSeconds: 0, writeSeconds: 0.3 },
    ],
    reading: [...readingRows('html', 1), ...readingRows('text', 2)],
    cli: [
      ...['html', 'package'].flatMap((source) => [
        { command: 'merge', source, bytesAsked: 10 * MB, bytes: 10 * MB, seconds: 2, maxRssKb: 150 * 1024 },
        { command: 'merge', source, bytesAsked: 100 * MB, bytes: 100 * MB, seconds: 20, maxRssKb: (source === 'html' ? 1200 : 200) * 1024 },
      ]),
    ],
    archive: { documents: 10_000, bytes: 50 * MB, runs: [{ run: 'first', seconds: 100, maxRssKb: 300 * 1024 }, { run: 'again', seconds: 10, maxRssKb: 120 * 1024 }] },
  };
  const markdown = renderResults(results);

  it('judges read + QA by the library row, for files made from HTML and from plain text', () => {
    // 4 s for the package against 1 s and 2 s of read + QA: 4× and 2× against a 3× target.
    expect(targetLine(markdown, `read + QA ≥ 3× faster than ${READER_NAMES['xliff-package']} (XLIFF 1.2 from HTML, 10mb)`)).toContain('**met**');
    expect(targetLine(markdown, `read + QA ≥ 3× faster than ${READER_NAMES['xliff-package']} (XLIFF 1.2 from text, 10mb)`)).toContain('**missed**');
    expect(targetLine(markdown, `read + QA within 3× of ${READER_NAMES['saxes']} (XLIFF 1.2 from HTML, 10mb)`)).toContain('2.0× the floor');
    expect(targetLine(markdown, `read + QA ≥ 30× faster than ${READER_NAMES['pocount']} (XLIFF 1.2 from HTML, 10mb)`)).toContain('start-up ≈ 0.50 s');
  });

  it('keeps the qa command as a row of its own, apart from read + QA', () => {
    expect(markdown).toContain(`| ${READER_NAMES['qa-command']} | 3.00 |`);
    expect(markdown).toContain('#### XLIFF 1.2 from plain-text articles, 10.0 MB');
  });

  it('lays extraction out by stage, with the parser library alone beside the format parse', () => {
    const row = targetLine(markdown, 'html | 10.0 | 3.00');
    expect(row).toContain('2.00 (5.00 MB/s)');
    // 3 + 0.5 + 0.5 + 1 (annotation) + 1 (writing) = 6 s for 10 MB.
    expect(row.trim().endsWith('| 1.67 |')).toBe(true);
    expect(markdown).toContain('html: parse5 with source locations');
  });

  it('shows a format read, checked and segmented in one pass as one stage', () => {
    const row = targetLine(markdown, 'text | 10.0 | 0.20');
    expect(row).toContain('0.20 (50.0 MB/s), with the check and segmentation');
    expect(row.split(' in the parse ').length - 1).toBe(2);
    // 0.2 + 0.1 (annotation) + 0.3 (writing) = 0.6 s for 10 MB.
    expect(row.trim().endsWith('| 16.7 |')).toBe(true);
  });

  it('measures text-made XLIFF at every size but the largest, where one HTML-made 1.2 file is enough', () => {
    const cases = xliffCases({ sizes: [MB, 10 * MB, 100 * MB] });
    expect(cases.filter((c) => c.source === 'text').map((c) => c.bytes)).toEqual([MB, MB, 10 * MB, 10 * MB]);
    expect(cases.filter((c) => c.bytes === 100 * MB)).toEqual([{ bytes: 100 * MB, version: '1.2', source: 'html' }]);
  });

  it('judges the merge targets for each kind of XLIFF apart', () => {
    expect(targetLine(markdown, '100mb XLIFF (one HTML document) checked and merged')).toContain('**missed**');
    expect(targetLine(markdown, '100mb XLIFF (many HTML article pages, one <file> each) checked and merged')).toContain('**met**');
    expect(targetLine(markdown, 'merge memory flat (many HTML article pages, one <file> each')).toContain('×1.33 for ×10 input');
    expect(targetLine(markdown, 'merge memory flat (one HTML document')).toContain('grows ×8.0');
    expect(markdown).toContain('| tarjoman merge | many HTML article pages, one <file> each | 100.0 | 20.0 | 5.00 | 200 MB |');
  });

  it('gives the archive runs with documents per second and the second run against the first', () => {
    expect(markdown).toContain('## An archive of 10,000 articles through `tarjoman run`');
    expect(markdown).toContain('| first run: every page extracted | 10,000 | 50.0 | 100.0 | 100 | 300 MB |  |');
    expect(markdown).toContain("| second run: nothing changed | 10,000 | 50.0 | 10.0 | 1000 | 120 MB | 0.10× the first run's time |");
  });
});
