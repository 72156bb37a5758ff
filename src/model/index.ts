export * from './schema.js';
export * from './content.js';
export * from './ids.js';
export * from './located-error.js';
