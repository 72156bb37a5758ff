// `npm run bench`: every benchmark in one run, so figures for tarjoman and its peers come from the
// same machine at the same time. Not part of `npm test`: timings belong here, never in assertions.
import { formatAccuracyTable, runSegmentationAccuracy } from './segmentation-accuracy.js';
import { runGlossaryScaling } from './glossary-scaling.js';

console.log(formatAccuracyTable(await runSegmentationAccuracy()));
console.log('\n## Glossary matching: time per MB as the glossary grows\n');
await runGlossaryScaling();
console.log('\n## Pipeline throughput and XLIFF reading against peers\n');
const { runPipelineThroughput } = await import('./pipeline-throughput.js');
await runPipelineThroughput();
