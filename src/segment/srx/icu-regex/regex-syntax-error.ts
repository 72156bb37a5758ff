/**
 * Why an ICU pattern cannot be used: a message key under `segment:regex.` with its values and the
 * offset in the pattern, so the SRX reader can say which file, rule and character it is.
 */
export class RegexSyntaxError extends Error {
  constructor(
    readonly code: string,
    readonly offset: number,
    readonly params: Record<string, string> = {},
  ) {
    super(`${code} at ${offset}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'RegexSyntaxError';
  }
}
