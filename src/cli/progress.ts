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

/**
 * The run's live progress on a terminal: documents done of all, segments and words extracted,
 * words per second and the time left, drawn by cli-progress, with event lines above it.
 */
export function terminalProgress(stream: TerminalStream, now: () => number = Date.now): ProgressDisplay {
  const started = now();
  const multibar = new cliProgress.MultiBar(
    {
      stream: stream as NodeJS.WritableStream,
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      // The default redraw rate; without a TTY the bar is not drawn at all (lines are printed instead).
      fps: 10,
      etaBuffer: 50,
      barsize: 24,
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
