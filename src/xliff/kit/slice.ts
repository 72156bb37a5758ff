import type { Concept, GlossaryFile, Term } from '../../glossary/schema.js';
import type { Document } from '../../model/schema.js';

const base = (lang: string) => lang.toLowerCase().split(/[-_]/u)[0]!;

/**
 * The glossary's own key for a language: the exact code, else one with the same base language,
 * so a job run with `--to fa-IR` still finds the `fa` terms.
 */
export function glossaryLanguage(available: readonly string[], wanted: string): string {
  return (
    available.find((l) => l === wanted) ??
    available.find((l) => l.toLowerCase() === wanted.toLowerCase()) ??
    available.find((l) => base(l) === base(wanted)) ??
    wanted
  );
}

/** Concept ids with a hit in any segment of the documents, each once. */
export function conceptsHit(documents: readonly Document[]): Set<string> {
  const ids = new Set<string>();
  for (const document of documents)
    for (const unit of document.units)
      for (const part of unit.parts) if (part.kind === 'segment') for (const match of part.matches ?? []) ids.add(match.conceptId);
  return ids;
}

export interface SliceOptions {
  from: string;
  to: string;
  domain?: string;
}

/**
 * The part of a glossary a translator needs for these documents: the concepts found in them,
 * in glossary order, with the terms of the source and target languages only. Deprecated and
 * forbidden terms stay, so the TBX still tells the translator what not to write.
 */
export function glossarySlice(glossary: { languages: string[]; entries: readonly Concept[] }, documents: readonly Document[], options: SliceOptions): GlossaryFile {
  const from = glossaryLanguage(glossary.languages, options.from);
  const to = glossaryLanguage(glossary.languages, options.to);
  const languages = from === to ? [from] : [from, to];
  const hit = conceptsHit(documents);
  const entries: Concept[] = [];
  for (const concept of glossary.entries) {
    if (!hit.has(concept.id)) continue;
    const terms: Record<string, Term[]> = {};
    for (const lang of languages) {
      const list = concept.terms[lang];
      if (list?.length) terms[lang] = list;
    }
    entries.push({ ...concept, terms });
  }
  return options.domain === undefined ? { languages, entries } : { languages, domain: options.domain, entries };
}

/**
 * The slice without deprecated and forbidden terms. OmegaT 3.6 reads a martif file's terms
 * without their status and offers every one as a translation, a forbidden slur included; the
 * OmegaT kit therefore gets only what a translator may write.
 */
export function usableTermsOnly(file: GlossaryFile): GlossaryFile {
  const entries: Concept[] = [];
  for (const concept of file.entries) {
    const terms: Record<string, Term[]> = {};
    for (const [lang, list] of Object.entries(concept.terms)) {
      const usable = list.filter((t) => t.status === 'preferred' || t.status === 'admitted');
      if (usable.length) terms[lang] = usable;
    }
    if (file.languages.every((lang) => terms[lang])) entries.push({ ...concept, terms });
  }
  return { ...file, entries };
}
