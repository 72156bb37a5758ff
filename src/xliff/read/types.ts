import type { FormatName, Ignorable, Segment, UnitContext, UnitKind } from '../../model/schema.js';

export type XliffReadVersion = '1.2' | '2.0' | '2.1' | '2.2';

/** A segment as read, with where it stands in the XLIFF file (the `segment`, `mrk` or `trans-unit` element). */
export interface ReadSegment extends Segment {
  line: number;
  column: number;
}

export interface ReadIgnorable extends Ignorable {
  line: number;
  column: number;
}

export type ReadPart = ReadSegment | ReadIgnorable;

/**
 * A unit as read back: enough to rebuild a model unit. Inline codes keep their id and kind;
 * `data` is the original markup where the file carries it (XLIFF 2 `originalData`, 1.2
 * `bpt`/`ept`/`ph`/`it` content) and empty otherwise, so merge takes it from the re-extracted
 * original by code id. Term marks are gone, their text kept.
 */
export interface ReadUnit {
  id: string;
  translate: boolean;
  /** from tarjoman's metadata; absent in files other tools made */
  kind?: UnitKind;
  context: UnitContext;
  notes: string[];
  parts: ReadPart[];
  /** the sha256 tarjoman recorded of the unit's source when it wrote the file */
  sourceSha256?: string;
  /**
   * The `xml:space` in force. Content is read as written either way; `default` means a tool
   * was free to re-wrap its whitespace, so whitespace differences may not be the translator's.
   */
  space: 'preserve' | 'default';
  line: number;
  column: number;
}

export interface XliffFileEntry {
  /** XLIFF 2 file id */
  id?: string;
  /** the document's path as recorded; empty when an XLIFF 2 file has no `original` */
  original: string;
  srcLang: string;
  trgLang?: string;
  format?: FormatName;
  /** sha256 of the original document when tarjoman wrote the file */
  sha256?: string;
  toolVersion?: string;
  units: ReadUnit[];
  line: number;
  column: number;
}

export interface XliffFile {
  version: XliffReadVersion;
  srcLang: string;
  trgLang?: string;
  files: XliffFileEntry[];
}
