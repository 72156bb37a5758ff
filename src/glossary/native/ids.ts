import { ConceptId } from '../schema.js';

const VALID = /^[a-z0-9][a-z0-9.-]*$/u;

export function isConceptId(id: string): boolean {
  return ConceptId.safeParse(id).success;
}

/** A concept id made from a term: `Islamic Revolutionary Guard Corps` → `islamic-revolutionary-guard-corps`. */
export function slugId(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60)
    .replace(/-+$/u, '');
}

/**
 * Another tool's id in our alphabet. Ids that are already valid are kept exactly, so an id
 * survives an export and re-import; `_` is what the TBX writer puts before ids that start
 * with a digit (an XML id may not), and is dropped here with the other leading punctuation.
 */
export function normalizeForeignId(id: string): string {
  const trimmed = id.trim();
  if (VALID.test(trimmed)) return trimmed;
  return trimmed
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/gu, '-')
    .replace(/^[^a-z0-9]+/u, '');
}

/** Hands out ids unique within one file: a clash gets `-2`, `-3`… */
export class IdAllocator {
  private readonly taken = new Set<string>();
  private counter = 0;

  has(id: string): boolean {
    return this.taken.has(id);
  }

  /** Keeps an id given in the file (valid or not: validation reports a bad one) from being handed out. */
  reserve(id: string): void {
    this.taken.add(id);
  }

  take(preferred: string | undefined, fallbackText?: string): string {
    let base = preferred && VALID.test(preferred) ? preferred : '';
    if (!base && fallbackText) base = slugId(fallbackText);
    if (!base) base = `entry-${++this.counter}`;
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
