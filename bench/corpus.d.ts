// Types of the corpus generator, for the tests that check it is deterministic.
import type { Glossary } from '../src/glossary/schema.js';

export type ArticleFormat = 'text' | 'markdown' | 'html';
export declare const CORPUS_VERSION: number;
export declare const DEFAULT_SEED: number;
export declare const CACHE_DIR: string;
export declare const FORMATS: Record<ArticleFormat, string>;
export declare function prng(seed: number): () => number;
export declare function makeGlossary(size: number, seed?: number): Glossary;
export declare function makeArticles(bytes: number, format: ArticleFormat, options?: { seed?: number; glossary?: Glossary }): string;
export declare function label(bytes: number): string;
export declare function cacheDir(seed?: number): string;
export declare function articleFile(bytes: number, format: ArticleFormat, seed?: number): string;
export declare function glossaryDir(size: number, seed?: number): string;
