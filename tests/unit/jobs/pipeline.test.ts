import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inboxFolders, parsePipeline, PipelineError, pipelineJsonSchemaText } from '../../../src/jobs/pipeline.js';
import { repoRoot } from '../../helpers/cli.js';

const good = readFileSync(join(repoRoot, 'pipelines', 'news-en-fa.yaml'), 'utf8');

function problems(text: string) {
  try {
    parsePipeline(text, 'p.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(PipelineError);
    return (error as PipelineError).problems;
  }
  throw new Error('expected the pipeline to be refused');
}

describe('pipeline files', () => {
  it('reads the shipped pipeline with its defaults', () => {
    const pipeline = parsePipeline(good, 'news-en-fa.yaml');
    expect(pipeline.languages).toEqual({ source: 'en', target: 'fa' });
    expect(pipeline.inputs).toContain('examples/text/*.txt');
    expect(pipeline.merge.require).toBe('reviewed');
  });

  it('names line, column and field of a wrong value', () => {
    const text = good.replace("version: '2.1'", "version: '3.0'");
    const [p] = problems(text);
    const line = text.split('\n').findIndex((l) => l.includes("'3.0'")) + 1;
    expect(p).toMatchObject({ field: 'xliff.version', line, column: 12 });
  });

  it('points at an unknown key itself, and at a missing field’s parent', () => {
    const text = good.replace('  outbox: work/outbox\n', '  outbx: work/outbox\n');
    const found = problems(text);
    const line = text.split('\n').findIndex((l) => l.includes('outbx')) + 1;
    expect(found).toContainEqual(expect.objectContaining({ field: 'folders.outbx', line, column: 3 }));
    expect(found).toContainEqual(expect.objectContaining({ field: 'folders.outbox' }));
  });

  it('takes one inbox folder or several, the drop folder first', () => {
    expect(inboxFolders(parsePipeline(good, 'p.yaml'))).toEqual(['work/inbox', 'examples/returned']);
    expect(inboxFolders(parsePipeline(good.replace(/^  inbox: .*$/m, '  inbox: drop'), 'p.yaml'))).toEqual(['drop']);
    expect(problems(good.replace(/^  inbox: .*$/m, '  inbox: []'))).toEqual([expect.objectContaining({ field: 'folders.inbox' })]);
  });

  it('names the item of a list', () => {
    const text = good.replace('publish: [html]', 'publish: [html, pdf]');
    expect(problems(text)).toEqual([expect.objectContaining({ field: 'publish[1]', column: 17 })]);
  });

  it('locates YAML syntax errors', () => {
    const [p] = problems('name: x\nlanguages: [a\n');
    expect(p!.field).toBe('(yaml)');
    expect(p!.line).toBeGreaterThanOrEqual(2);
  });

  it('renders every problem as file:line:column: field: message', () => {
    try {
      parsePipeline(good.replace('name: news-en-fa', 'name: ""'), 'p.yaml');
      expect.unreachable();
    } catch (error) {
      expect((error as PipelineError).render()).toMatch(/^p\.yaml:\d+:7: name: /);
    }
  });

  it('has a committed JSON Schema equal to the one generated from the model (node dist/jobs/write-schema.js)', () => {
    expect(readFileSync(join(repoRoot, 'pipelines', 'schema.json'), 'utf8')).toBe(pipelineJsonSchemaText());
  });
});
