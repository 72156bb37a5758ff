/** Commander accumulator for an option given once per value (`-g a -g b`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
