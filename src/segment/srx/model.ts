/** 1-based position in an SRX file. */
export interface SrxPosition {
  line: number;
  column: number;
}

export interface SrxRule {
  /** `break="yes"` (the default) or `break="no"`. */
  break: boolean;
  /** Pattern that must match the text just before the position; empty matches anywhere. */
  beforeBreak: string;
  /** Pattern that must match the text just after the position; empty matches anywhere. */
  afterBreak: string;
  /** The `<rule>` element. */
  position: SrxPosition;
  /** Where each pattern's text starts, for errors that point into a pattern. */
  beforePosition?: SrxPosition;
  afterPosition?: SrxPosition;
}

export interface SrxLanguageRule {
  name: string;
  rules: SrxRule[];
  position: SrxPosition;
}

export interface SrxLanguageMap {
  /** ICU pattern matched against the whole language code, ignoring case. */
  languagePattern: string;
  languageRuleName: string;
  position: SrxPosition;
}

export interface SrxFormatHandle {
  type: 'start' | 'end' | 'isolated';
  include: boolean;
}

export interface SrxDocument {
  /** The file it was read from, for error messages. */
  path: string;
  version: string;
  /** Whether text in sub-flows (e.g. an attribute's text) is segmented too. */
  segmentSubflows: boolean;
  /** Whether the rules of every matching language map apply, in order, or only the first map's. */
  cascade: boolean;
  formatHandles: SrxFormatHandle[];
  languageRules: Map<string, SrxLanguageRule>;
  languageMaps: SrxLanguageMap[];
}
