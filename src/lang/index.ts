export * from './chars.js';
export * from './fa.js';
export * from './en.js';
