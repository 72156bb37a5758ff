import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { yamlOffsetOf } from '../io/yaml-locate.js';
import { z } from 'zod';
import { t } from '../i18n/index.js';
import { TarjomanError } from '../model/located-error.js';
import { REQUIRED_STATES, type RequiredState } from '../merge/index.js';
import { PUBLISH_FORMATS } from '../publish/index.js';
import { XLIFF_VERSIONS } from '../xliff/write.js';

const relativePath = z.string().min(1);

export const PipelineSchema = z.strictObject({
  name: z.string().min(1),
  languages: z.strictObject({ source: z.string().min(2), target: z.string().min(2) }),
  inputs: z.array(relativePath).min(1),
  glossaries: z.array(relativePath).default([]),
  segmentation: z.strictObject({ srx: relativePath }).optional(),
  xliff: z.strictObject({ version: z.enum(XLIFF_VERSIONS), kit: z.enum(['plain', 'omegat']).default('plain') }),
  folders: z.strictObject({
    outbox: relativePath,
    /** one folder, or several: the first is where translators drop files and where findings are written */
    inbox: z.union([relativePath, z.array(relativePath).min(1)]),
    out: relativePath,
    state: relativePath,
  }),
  merge: z
    .strictObject({
      untranslated: z.enum(['error', 'source']).default('error'),
      require: z.enum(REQUIRED_STATES as [RequiredState, ...RequiredState[]]).optional(),
    })
    .default({ untranslated: 'error' }),
  publish: z.array(z.enum(PUBLISH_FORMATS)).default([]),
});

export type Pipeline = z.output<typeof PipelineSchema>;

/** The inbox folders in order; the first is the translators' drop folder. */
export function inboxFolders(pipeline: Pipeline): string[] {
  return typeof pipeline.folders.inbox === 'string' ? [pipeline.folders.inbox] : pipeline.folders.inbox;
}

export interface PipelineProblem {
  field: string;
  message: string;
  line: number;
  column: number;
}

/** All problems of a pipeline file at once, so one edit can fix them all. */
export class PipelineError extends TarjomanError {
  readonly problems: PipelineProblem[];
  readonly file: string;

  constructor(file: string, problems: PipelineProblem[]) {
    const first = problems[0]!;
    super('jobs:pipeline.invalid', { field: first.field, message: first.message }, { file, line: first.line, column: first.column });
    this.file = file;
    this.problems = problems;
  }

  override render(): string {
    return this.problems
      .map((p) => `${this.file}:${p.line}:${p.column}: ${t('jobs:pipeline.invalid', { field: p.field, message: p.message })}`)
      .join('\n');
  }
}

type FieldPath = readonly PropertyKey[];


function fieldName(path: FieldPath): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '') || '(root)';
}

/** Parses and checks a pipeline file's text; `file` is only used to name it in errors. */
export function parsePipeline(text: string, file: string): Pipeline {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length) {
    throw new PipelineError(file, doc.errors.map((e) => ({ field: '(yaml)', message: e.message.split('\n')[0]!, ...at(e.pos[0]) })));
  }
  const result = PipelineSchema.safeParse(doc.toJS({ maxAliasCount: 20 }));
  if (result.success) return result.data;
  const problems: PipelineProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ field: fieldName([...issue.path, key]), message: t('jobs:pipeline.unknownField'), ...at(yamlOffsetOf(doc, issue.path, key)) });
    } else problems.push({ field: fieldName(issue.path), message: issue.message, ...at(yamlOffsetOf(doc, issue.path)) });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  throw new PipelineError(file, problems);
}

export async function loadPipeline(file: string): Promise<Pipeline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new TarjomanError('errors:readFailed', { reason: (cause as NodeJS.ErrnoException).code ?? String(cause) }, { file }, { cause });
  }
  return parsePipeline(text, file);
}

/**
 * The JSON Schema of a pipeline file, for editors. Draft 7 for YAML editors; `input` so that
 * fields with a default are optional, as they are when writing the file.
 */
export function pipelineJsonSchemaText(): string {
  const { $schema, ...rest } = z.toJSONSchema(PipelineSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const schema = { $schema, title: 'tarjoman pipeline', description: 'Which documents to prepare for translators, and how returned translations are checked and merged.', ...rest };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
