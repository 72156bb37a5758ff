// Types of the parts of the sections the tests look at.
export declare const MB: number;
export declare const READER_NAMES: Record<string, string>;
export declare function xliffCases(ctx: { sizes: number[] }): { bytes: number; version: '1.2' | '2.1'; source: 'html' | 'text' }[];
