export function substitute(text: string, values: Record<string, string>): string;
export function resolveSubstitutions(
  builtins: Record<string, string>,
  declared: Record<string, string>,
  overrides: Record<string, string>,
): Record<string, string>;
