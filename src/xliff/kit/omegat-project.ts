import { escapeText } from '../xml-escape.js';

/** OmegaT 3.6 tokenizers by base language; they drive its fuzzy matching and word counts, not extraction. */
const TOKENIZERS: Record<string, string> = {
  en: 'org.omegat.tokenizer.LuceneEnglishTokenizer',
  fa: 'org.omegat.tokenizer.LucenePersianTokenizer',
  ar: 'org.omegat.tokenizer.LuceneArabicTokenizer',
  de: 'org.omegat.tokenizer.LuceneGermanTokenizer',
  fr: 'org.omegat.tokenizer.LuceneFrenchTokenizer',
};

export function omegatTokenizer(lang: string): string {
  return TOKENIZERS[lang.toLowerCase().split(/[-_]/u)[0]!] ?? 'org.omegat.tokenizer.DefaultTokenizer';
}

/** Folders of the project, as `omegat.project` names them with `__DEFAULT__`. */
export const OMEGAT_FOLDERS = ['source', 'target', 'tm', 'glossary', 'dictionary', 'omegat'] as const;

/**
 * `omegat.project` (format 1.0, as OmegaT 3.6 writes it). Sentence segmentation is off because
 * every trans-unit of the kit already holds one sentence cut by our SRX rules: OmegaT cutting
 * again would split segments the glossary matches and the reader count on.
 */
export function omegatProjectXml(sourceLang: string, targetLang: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<omegat>',
    '    <project version="1.0">',
    '        <source_dir>__DEFAULT__</source_dir>',
    '        <target_dir>__DEFAULT__</target_dir>',
    '        <tm_dir>__DEFAULT__</tm_dir>',
    '        <glossary_dir>__DEFAULT__</glossary_dir>',
    '        <glossary_file>__DEFAULT__</glossary_file>',
    '        <dictionary_dir>__DEFAULT__</dictionary_dir>',
    `        <source_lang>${escapeText(sourceLang)}</source_lang>`,
    `        <target_lang>${escapeText(targetLang)}</target_lang>`,
    `        <source_tok>${omegatTokenizer(sourceLang)}</source_tok>`,
    `        <target_tok>${omegatTokenizer(targetLang)}</target_tok>`,
    '        <sentence_seg>false</sentence_seg>',
    '        <support_default_translations>true</support_default_translations>',
    '        <remove_tags>false</remove_tags>',
    '    </project>',
    '</omegat>',
    '',
  ].join('\n');
}
