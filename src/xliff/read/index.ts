import type { Unit } from '../../model/schema.js';
import { decodeXliff } from './decode.js';
import { fileEntry, readGroup12, readUnit12, readUnit2 } from './model.js';
import { xliffText, type XliffInput } from './input.js';
import { parseXliff, parseXliffChunks } from './parse.js';
import type { RawDocument, RawFile, RawSink } from './raw.js';
import type { ReadUnit, XliffFile, XliffFileEntry } from './types.js';

export type { ReadIgnorable, ReadPart, ReadSegment, ReadUnit, XliffFile, XliffFileEntry, XliffReadVersion } from './types.js';
export { decodeXliff } from './decode.js';
export { xliffFile, type XliffFileRef, type XliffInput } from './input.js';

/** A sink that builds the read model, one unit at a time. */
export function modelSink(path: string, onUnit?: (unit: ReadUnit, file: number) => void, keep = true): RawSink & { result(): XliffFile } {
  let doc: RawDocument | undefined;
  const files: XliffFileEntry[] = [];
  let units: ReadUnit[] = [];
  const add = (unit: ReadUnit) => {
    if (keep) units.push(unit);
    onUnit?.(unit, files.length);
  };
  return {
    document(d) {
      doc = d;
    },
    fileStart() {
      units = [];
    },
    fileEnd(file: RawFile) {
      const entry = fileEntry(file, doc!.version === '1.2' ? '1.2' : '2.x');
      entry.units = units;
      files.push(entry);
    },
    group2() {},
    unit2(unit) {
      add(readUnit2(unit, path));
    },
    unit12(unit) {
      add(readUnit12(unit, path));
    },
    group12(group) {
      for (const unit of readGroup12(group, path)) add(unit);
    },
    result(): XliffFile {
      const first = files[0];
      const srcLang = doc?.srcLang ?? first?.srcLang ?? '';
      const trgLang = doc?.trgLang ?? first?.trgLang;
      return { version: doc!.version, srcLang, ...(trgLang !== undefined ? { trgLang } : {}), files };
    },
  };
}

/**
 * Reads an XLIFF 1.2 or 2.x file as tarjoman writes it, or as a CAT tool gives it back.
 * Errors (bad encoding, malformed XML, a DOCTYPE, an entity, a file that is not XLIFF,
 * a version we do not read) are TarjomanErrors naming the file, line and column.
 */
export function readXliff(bytes: Uint8Array, path: string): XliffFile {
  const sink = modelSink(path);
  parseXliff(decodeXliff(bytes, path), path, sink);
  return sink.result();
}

/**
 * Reads an XLIFF file unit by unit without keeping the units: each goes to `onUnit` and is
 * forgotten, so a large file is read in little memory; `file` is the index of its file in the
 * result, which holds the files without their units.
 */
export function streamXliff(input: XliffInput, path: string, onUnit: (unit: ReadUnit, file: number) => void): XliffFile {
  const sink = modelSink(path, onUnit, false);
  parseXliffChunks(xliffText(input, path), path, sink);
  return sink.result();
}

/** A model unit from a read unit, for callers that rebuild a document; positions and read-only facts are dropped. */
export function toModelUnit(unit: ReadUnit): Unit {
  return {
    id: unit.id,
    kind: unit.kind ?? 'other',
    translate: unit.translate,
    context: unit.context,
    notes: unit.notes,
    parts: unit.parts.map(({ line: _line, column: _column, ...part }) => part),
  };
}
