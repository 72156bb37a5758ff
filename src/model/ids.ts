/**
 * Unit ids are numbered in document order (`u1`, `u2`…): extraction is deterministic,
 * so the same bytes always give the same ids, and ids stay valid XML NMTOKENs.
 */
export class IdSequence {
  private n = 0;
  constructor(private readonly prefix: string) {}
  next(): string {
    this.n += 1;
    return `${this.prefix}${this.n}`;
  }
}
