/** What an XLIFF writer shows translators about a glossary hit. */
export interface GlossEntryInfo {
  /** preferred and admitted target terms, preferred first */
  translations: string[];
  /** target terms a translator must not use */
  forbidden: string[];
  definition?: string;
}

export type GlossaryLookup = (conceptId: string) => GlossEntryInfo | undefined;
