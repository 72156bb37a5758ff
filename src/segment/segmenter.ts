/**
 * Break offsets gathered in one buffer that grows as needed and is reused from call to call:
 * cutting every unit of a large document then makes no array per unit.
 */
export class BreakList {
  offsets = new Int32Array(64);
  count = 0;

  push(offset: number): void {
    if (this.count === this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[this.count++] = offset;
  }
}

/**
 * A sentence segmenter for one language. `breaks` returns the offsets (UTF-16, ascending,
 * strictly between 0 and text.length) where a new sentence may begin; whitespace around a
 * break belongs to neither sentence and is kept as an ignorable by the caller.
 */
export interface Segmenter {
  readonly lang: string;
  breaks(text: string): number[];
  /**
   * The offsets `breaks` returns, written into `into` after emptying it. When `text` is
   * `whole.slice(offset, offset + text.length)`, characters may be read from `whole`: a slice
   * of a large string is slower to read one character at a time than the string itself.
   */
  breaksInto?(text: string, into: BreakList, whole?: string, offset?: number): void;
}
