const RTL_LANGUAGES = new Set([
  'ar', 'arc', 'arz', 'ckb', 'dv', 'fa', 'he', 'iw', 'ji', 'ks', 'mzn', 'pnb', 'ps', 'sd', 'syr', 'ug',
  'ur', 'yi', 'glk', 'lrc', 'azb', 'bal', 'prs',
]);
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand', 'samr', 'mend']);

/** Right-to-left by the script subtag when there is one (`az-Arab`, `ku-Latn`), else by the language. */
export function isRightToLeft(lang: string): boolean {
  const parts = lang.toLowerCase().split(/[-_]/u);
  const script = parts.slice(1).find((p) => /^[a-z]{4}$/u.test(p));
  if (script) return RTL_SCRIPTS.has(script);
  return RTL_LANGUAGES.has(parts[0] ?? '');
}
