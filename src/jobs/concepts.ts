import { createMatcher, type TermMatcher } from '../glossary/matcher/index.js';
import type { Concept, Glossary } from '../glossary/schema.js';
import type { Document } from '../model/schema.js';
import { conceptsHit } from '../xliff/kit/index.js';
import { canonical, sha256 } from './key.js';
import type { GlossarySnapshot, JobRecord } from './store.js';

/*
 * A document's kit depends on the glossary only through the concepts found in it (their
 * terms go into the XLIFF and the glossary slice, in glossary order) and the glossary's
 * languages and domain. So instead of keying a document by the glossary's bytes, the store
 * keeps what the document hit; a glossary change then redoes only the documents it concerns.
 */

export function conceptHash(concept: Concept): string {
  return sha256(canonical(concept));
}

export function snapshotOf(glossary: Glossary | undefined): GlossarySnapshot {
  const snapshot: GlossarySnapshot = {};
  for (const concept of glossary?.entries ?? []) snapshot[concept.id] = conceptHash(concept);
  return snapshot;
}

/** The concepts an annotated document hit, in glossary order, each with its hash. */
export function hitsOf(document: Document, glossary: Glossary | undefined, snapshot: GlossarySnapshot): [string, string][] {
  if (!glossary) return [];
  const hit = conceptsHit([document]);
  return glossary.entries.filter((c) => hit.has(c.id)).map((c) => [c.id, snapshot[c.id]!]);
}

/** True when every concept the document hit is still there, unchanged and in the same order. */
export function hitsUnchanged(recorded: JobRecord['concepts'], glossary: Glossary | undefined, snapshot: GlossarySnapshot): boolean {
  if (!recorded) return false;
  const position = new Map((glossary?.entries ?? []).map((c, i) => [c.id, i]));
  let last = -1;
  for (const [id, hash] of recorded) {
    const at = position.get(id);
    if (at === undefined || at <= last || snapshot[id] !== hash) return false;
    last = at;
  }
  return true;
}

/** Concepts that are new or changed since `before`: only these can add a hit to a document. */
export function changedSince(before: GlossarySnapshot, glossary: Glossary | undefined, now: GlossarySnapshot): Concept[] {
  return (glossary?.entries ?? []).filter((c) => before[c.id] !== now[c.id]);
}

/**
 * A matcher for just these concepts, or undefined when there are none. Matching with them
 * alone can only find more hits than the whole glossary would, never fewer, so a document
 * in which it finds nothing is safe to leave as it is.
 */
export function matcherFor(glossary: Glossary | undefined, concepts: readonly Concept[], lang: string): TermMatcher | undefined {
  return glossary && concepts.length ? createMatcher({ ...glossary, entries: [...concepts] }, lang) : undefined;
}

/** Whether the matcher finds anything in the document's translatable segments. */
export function mentions(document: Document, matcher: TermMatcher | undefined): boolean {
  if (!matcher) return false;
  for (const unit of document.units) {
    if (!unit.translate) continue;
    for (const part of unit.parts) if (part.kind === 'segment' && matcher.findInContent(part.source).length) return true;
  }
  return false;
}
