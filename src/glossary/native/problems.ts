import { TarjomanError, type Location } from '../../model/located-error.js';

/**
 * Every problem found in one or more glossary files, so a translator fixes them in one pass
 * instead of one per run. Rendering lists each problem on its own line with its location.
 */
export class GlossaryProblems extends TarjomanError {
  readonly problems: readonly TarjomanError[];

  constructor(problems: readonly TarjomanError[]) {
    const first = problems[0]?.location ?? {};
    super('glossary:problems', { count: problems.length }, first.file ? { file: first.file } : {});
    this.name = 'GlossaryProblems';
    this.problems = problems;
  }

  override render(): string {
    return this.problems.map((p) => p.render()).join('\n');
  }
}

export function problem(key: string, params: Record<string, unknown>, location: Location): TarjomanError {
  return new TarjomanError(key, params, location);
}

export function throwIfProblems(problems: readonly TarjomanError[]): void {
  if (problems.length === 1) throw problems[0]!;
  if (problems.length > 1) throw new GlossaryProblems(problems);
}

/** The individual problems behind an error, whether it carries one or many. */
export function problemsOf(error: TarjomanError): readonly TarjomanError[] {
  return error instanceof GlossaryProblems ? error.problems : [error];
}
