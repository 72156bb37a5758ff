import { z } from 'zod';
import { GlossaryFile } from '../schema.js';

/**
 * The JSON Schema of a native glossary file, for editor completion and checks while typing.
 * Draft 7 because that is what YAML editors support best; `input` so that fields with a
 * default (a term's status) are optional, as they are when writing a file.
 */
export function glossaryJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(GlossaryFile, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: 'tarjoman glossary file',
    description: 'One native termbase file: the languages it covers and its concepts, each with its terms per language.',
    ...rest,
  };
}

export function glossaryJsonSchemaText(): string {
  return `${JSON.stringify(glossaryJsonSchema(), null, 2)}\n`;
}
