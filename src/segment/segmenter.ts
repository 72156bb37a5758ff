/**
 * A sentence segmenter for one language. `breaks` returns the offsets (UTF-16, ascending,
 * strictly between 0 and text.length) where a new sentence may begin; whitespace around a
 * break belongs to neither sentence and is kept as an ignorable by the caller.
 */
export interface Segmenter {
  readonly lang: string;
  breaks(text: string): number[];
}
