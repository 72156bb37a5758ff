import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../io/write-atomic.js';
import { glossaryJsonSchemaText } from './json-schema.js';

/** `npm run glossary:schema`: regenerates glossary/schema.json from the zod model. */
const target = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'glossary', 'schema.json');
await writeFileAtomic(target, glossaryJsonSchemaText());
process.stdout.write(`${target}\n`);
