import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readingProgress, terminalProgress } from '../../../src/cli/progress.js';
import { setLocale } from '../../../src/i18n/index.js';

/** A stream that says it is a terminal and keeps what is written to it. */
function fakeTerminal() {
  const chunks: string[] = [];
  return {
    isTTY: true,
    columns: 160,
    chunks,
    write(chunk: string, callback?: () => void) {
      chunks.push(chunk);
      callback?.();
      return true;
    },
    // Escape sequences for cursor moves are not what the test is about.
    text: () => chunks.join('').replace(/\x1B(?:\[[0-9;?]*[A-Za-z]|[78])/g, ''),
  };
}

beforeAll(() => setLocale('en'));

describe('the progress bar on a terminal', () => {
  it('shows documents, segments, words, rate and time left, with event lines above it', () => {
    const stream = fakeTerminal();
    let now = 0;
    const bar = terminalProgress(stream, () => now);
    bar.update({ total: 4, done: 0, segments: 0, words: 0 });
    bar.log('extracted examples/a.txt → work/outbox/examples/a.txt.xlf');
    now = 2000;
    bar.update({ total: 4, done: 2, segments: 31, words: 1200 });
    bar.stop();
    const text = stream.text();
    expect(text).toContain('extracted examples/a.txt → work/outbox/examples/a.txt.xlf');
    expect(text).toMatch(/2\/4 documents · 31 segments · 1,200 words · 600 words\/s · \S+ left/);
    // The event line comes before the last drawing of the bar.
    expect(text.indexOf('extracted examples/a.txt')).toBeLessThan(text.lastIndexOf('2/4 documents'));
    expect(text).toMatch(/█+░+/);
  });

  it('shows the bar in Persian with the Persian messages', () => {
    setLocale('fa');
    try {
      const stream = fakeTerminal();
      const bar = terminalProgress(stream, () => 1000);
      bar.update({ total: 3, done: 3, segments: 12, words: 90 });
      bar.stop();
      expect(stream.text()).toMatch(/۳\/۳ سند · ۱۲ جمله · ۹۰ واژه/);
    } finally {
      setLocale('en');
    }
  });
});

describe('the reading bar on a terminal', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the file, megabytes read of all, and clears itself when stopped', () => {
    // The reading is synchronous: the bar redraws from update() once enough time has passed.
    vi.useFakeTimers({ toFake: ['Date'] });
    const stream = fakeTerminal();
    const bar = readingProgress(stream);
    bar.update('big.xlf', 0, 100_000_000);
    vi.setSystemTime(Date.now() + 1000);
    bar.update('big.xlf', 45_230_000, 100_000_000);
    const drawn = stream.text();
    expect(drawn).toMatch(/big\.xlf · 45\.2 of 100 MB · \S+ left/);
    expect(drawn).toMatch(/█+░+/);
    bar.stop();
    // cleared: the line is erased, so what is printed next starts clean
    expect(stream.chunks.slice(-3).join('')).toMatch(/\x1B\[2K|\x1B\[0K/);
  });

  it('starts again for the next file', () => {
    const stream = fakeTerminal();
    const bar = readingProgress(stream);
    bar.update('a.xlf', 10_000_000, 10_000_000);
    bar.update('b.xlf', 1_000_000, 20_000_000);
    bar.stop();
    expect(stream.text()).toMatch(/a\.xlf · 10 of 10 MB/);
    expect(stream.text()).toMatch(/b\.xlf · 1 of 20 MB/);
  });

  it('uses Persian digits in Persian', () => {
    setLocale('fa');
    try {
      const stream = fakeTerminal();
      const bar = readingProgress(stream);
      bar.update('big.xlf', 0, 12_500_000);
      bar.stop();
      expect(stream.text()).toMatch(/big\.xlf · ۰ از ۱۲٫۵ مگابایت/);
    } finally {
      setLocale('en');
    }
  });

  it('draws nothing when stopped before it started', () => {
    const stream = fakeTerminal();
    readingProgress(stream).stop();
    expect(stream.chunks).toEqual([]);
  });
});
