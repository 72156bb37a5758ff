import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/write-atomic.js';
import { pipelineJsonSchemaText } from './pipeline.js';

/** Regenerates pipelines/schema.json from the zod model: `node dist/jobs/write-schema.js`. */
const target = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'pipelines', 'schema.json');
await writeFileAtomic(target, pipelineJsonSchemaText());
process.stdout.write(`${target}\n`);
