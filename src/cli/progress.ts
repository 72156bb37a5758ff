import cliProgress from 'cli-progress';
import { formatNumber, t } from '../i18n/index.js';
import type { RunProgress } from '../jobs/run.js';

/** What the bar needs of a terminal stream; process.stdout is one. */
export interface TerminalStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressDisplay {
  /** a line printed above the bar, which stays at the bottom */
  log(line: string): void;
  update(progress: RunProgress): void;
  stop(): void;
}

/** What every bar of the tool shares: where it draws, its size and its redraw rate. */
function barLook(stream: TerminalStream): cliProgress.Options {
  return {
    stream: stream as NodeJS.WritableStream,
    hideCursor: true,
    stopOnComplete: false,
    // The default redraw rate; without a TTY the bar is not drawn at all (lines are printed instead).
    fps: 10,
    etaBuffer: 50,
    barsize: 24,
  };
}

/**
 * The run's live progress on a terminal: documents done of all, segments and words extracted,
 * words per second and the time left, drawn by cli-progress, with event lines above it.
 */
export function terminalProgress(stream: TerminalStream, now: () => number = Date.now): ProgressDisplay {
  const started = now();
  const multibar = new cliProgress.MultiBar(
    {
      ...barLook(stream),
      clearOnComplete: false,
      format: (options, params, payload: { segments: number; words: number }) => {
        const seconds = Math.max((now() - started) / 1000, 0.001);
        return `${cliProgress.Format.BarFormat(params.progress, options)} ${t('jobs:progress.line', {
          done: formatNumber(params.value),
          total: formatNumber(params.total),
          segments: formatNumber(payload.segments),
          words: formatNumber(payload.words),
          rate: formatNumber(Math.round(payload.words / seconds)),
          eta: cliProgress.Format.TimeFormat(params.value >= params.total ? 0 : params.eta, options, 5),
        })}`;
      },
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  return {
    log(line) {
      multibar.log(`${line}\n`);
    },
    update(progress) {
      const payload = { segments: progress.segments, words: progress.words };
      if (!bar) bar = multibar.create(progress.total, progress.done, payload);
      else {
        bar.setTotal(progress.total);
        bar.update(progress.done, payload);
      }
    },
    stop() {
      multibar.update();
      multibar.stop();
    },
  };
}

/** A bar for reading large files, one after another. */
export interface ReadingProgress {
  /** `done` of `total` bytes of `file` read */
  update(file: string, done: number, total: number): void;
  /** clears the bar, so that what is printed next starts on a clean line */
  stop(): void;
}

const megabytes = (bytes: number) => formatNumber(Math.round(bytes / 1e5) / 10);

/**
 * How far the reading of a large XLIFF file has got, on a terminal: merge and qa read a file in
 * one pass that may take minutes on hundreds of megabytes. The pass is synchronous, so the bar is
 * drawn from `update` itself (cli-progress redraws there when its timer could not run).
 */
export function readingProgress(stream: TerminalStream): ReadingProgress {
  const bar = new cliProgress.SingleBar(
    {
      ...barLook(stream),
      clearOnComplete: true,
      format: (options, params, payload: { file: string }) =>
        `${cliProgress.Format.BarFormat(params.progress, options)} ${t('cli:progress.reading', {
          file: payload.file,
          done: megabytes(params.value),
          total: megabytes(params.total),
          eta: cliProgress.Format.TimeFormat(params.value >= params.total ? 0 : params.eta, options, 5),
        })}`,
    },
    cliProgress.Presets.shades_classic,
  );
  let shown: string | undefined;
  return {
    update(file, done, total) {
      if (shown === file) {
        bar.update(done, { file });
        return;
      }
      // A new file starts a bar of its own, with its own time left.
      if (shown !== undefined) bar.stop();
      bar.start(total, done, { file });
      shown = file;
    },
    stop() {
      if (shown === undefined) return;
      bar.stop();
      shown = undefined;
    },
  };
}
