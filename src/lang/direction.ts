/** Languages written right to left, by primary subtag. */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'glk', 'he', 'ks', 'ku', 'mzn', 'pnb', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

export function isRightToLeft(lang: string): boolean {
  const primary = lang.toLowerCase().split(/[-_]/u)[0] ?? '';
  if (/-(arab|hebr|thaa|syrc|nkoo|adlm|rohg)\b/iu.test(lang)) return true;
  if (/-(latn|cyrl)\b/iu.test(lang)) return false;
  return RTL.has(primary);
}
