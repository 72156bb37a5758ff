import type { Glossary } from '../glossary/schema.js';
import type { GlossaryLookup } from './glossary-lookup.js';

/** What translators are shown for each concept: usable target terms, forbidden ones, the definition. */
export function glossaryLookup(glossary: Glossary, targetLang: string): GlossaryLookup {
  const byId = new Map(glossary.entries.map((c) => [c.id, c]));
  const lang = targetLang.toLowerCase().split(/[-_]/u)[0]!;
  return (conceptId) => {
    const concept = byId.get(conceptId);
    if (!concept) return undefined;
    const terms = concept.terms[lang] ?? concept.terms[targetLang] ?? [];
    const usable = terms.filter((t) => t.status === 'preferred' || t.status === 'admitted');
    usable.sort((a, b) => (a.status === b.status ? 0 : a.status === 'preferred' ? -1 : 1));
    return {
      translations: usable.map((t) => t.text),
      forbidden: terms.filter((t) => t.status === 'forbidden').map((t) => t.text),
      ...(concept.definition ? { definition: concept.definition } : {}),
    };
  };
}
