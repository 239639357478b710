import { parseArgs } from 'node:util';
import { CtpipeError } from '@ctpipe/errors';

/** One flag, declared once: parsing and the help text both derive from it (vitest's cli-config idea). */
export interface FlagSpec {
  type: 'string' | 'boolean';
  description: string;
  multiple?: boolean;
  short?: string;
  default?: string | boolean;
}

export interface CommandSpec<F extends Record<string, FlagSpec>> {
  name: string;
  summary: string;
  /** Positional arguments, for help only. */
  usage?: string;
  flags: F;
}

type FlagValue<S extends FlagSpec> = S['type'] extends 'boolean'
  ? boolean
  : S extends { multiple: true }
    ? string[]
    : S extends { default: string }
      ? string
      : string | undefined;

export type ParsedFlags<F extends Record<string, FlagSpec>> = { [K in keyof F]: FlagValue<F[K]> };

export function parseCommand<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>, argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: spec.flags as Record<string, FlagSpec & { type: 'string' | 'boolean' }>,
      allowPositionals: true,
      strict: true,
    });
    return { flags: values as unknown as ParsedFlags<F>, positionals };
  } catch (err) {
    throw new CtpipeError('BAD_INPUT', `${(err as Error).message}\n\n${helpFor(spec)}`);
  }
}

export function helpFor(spec: CommandSpec<Record<string, FlagSpec>>): string {
  const lines = [`ctpipe ${spec.name}${spec.usage ? ` ${spec.usage}` : ''}  — ${spec.summary}`, ''];
  for (const [name, f] of Object.entries(spec.flags)) {
    const flag = `--${name}${f.type === 'string' ? ' <value>' : ''}${f.short ? `, -${f.short}` : ''}`;
    const def = f.default !== undefined && f.default !== false ? ` (default: ${String(f.default)})` : '';
    lines.push(`  ${flag.padEnd(28)} ${f.description}${def}`);
  }
  return lines.join('\n');
}

/** Repeated `--flag key=value` items as an object (a later key wins); the value may itself contain `=`. */
export function keyValuePairs(flag: string, items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) {
      throw new CtpipeError('BAD_INPUT', `${flag} expects key=value, got '${item}'`, {
        details: { expected: 'key=value', found: item },
      });
    }
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}
