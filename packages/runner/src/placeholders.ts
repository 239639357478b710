import { CtpipeError } from '@ctpipe/errors';
import type { ExecutorInput, JsonValue } from '@ctpipe/ir';
import { uriToLocalPath } from '@ctpipe/storage';

/**
 * Resolves KFP v2 placeholders in a container's command/args the way the KFP launcher does: plain string
 * replacement inside each string, plus the structured `{"Concat": …}` / `{"IfPresent": …}` forms that
 * the SDK writes as JSON strings. An IfPresent may expand to zero or several args, so this maps one arg to many.
 */
export function resolveArgs(args: string[], input: ExecutorInput): string[] {
  return args.flatMap((arg) => resolveArg(arg, input));
}

function resolveArg(arg: string, input: ExecutorInput): string[] {
  const structured = parseStructured(arg);
  if (structured) return resolveStructured(structured, input);
  return [substitute(arg, input)];
}

type Structured =
  | { Concat: unknown[] }
  | { IfPresent: { InputName: string; Then?: unknown[]; Else?: unknown[] } };

function parseStructured(arg: string): Structured | undefined {
  if (!arg.startsWith('{"Concat"') && !arg.startsWith('{"IfPresent"')) return undefined;
  try {
    return JSON.parse(arg) as Structured;
  } catch {
    return undefined;
  }
}

function resolveStructured(s: Structured, input: ExecutorInput): string[] {
  if ('Concat' in s) {
    return [s.Concat.map((part) => resolveNested(part, input).join('')).join('')];
  }
  const { InputName, Then = [], Else = [] } = s.IfPresent;
  const present =
    input.inputs?.parameterValues?.[InputName] !== undefined ||
    input.inputs?.artifacts?.[InputName] !== undefined;
  return (present ? Then : Else).flatMap((part) => resolveNested(part, input));
}

function resolveNested(part: unknown, input: ExecutorInput): string[] {
  if (typeof part === 'string') return resolveArg(part, input);
  if (typeof part === 'object' && part !== null) return resolveStructured(part as Structured, input);
  return [String(part)];
}

const PLACEHOLDER = /\{\{\$(?:\.([^}]*))?\}\}/g;

function substitute(text: string, input: ExecutorInput): string {
  return text.replace(PLACEHOLDER, (whole, path: string | undefined) => {
    if (path === undefined) return JSON.stringify(input);
    return resolvePath(path, input, whole);
  });
}

function resolvePath(path: string, input: ExecutorInput, whole: string): string {
  let m = /^inputs\.parameters\['([^']+)'\]$/.exec(path);
  if (m) return formatParameter(input.inputs?.parameterValues?.[m[1]!], whole);
  m = /^(inputs|outputs)\.artifacts\['([^']+)'\]\.(uri|path|metadata)(?:\['([^']+)'\])?$/.exec(path);
  if (m) {
    const side = m[1] === 'inputs' ? input.inputs : input.outputs;
    const artifact = side?.artifacts?.[m[2]!]?.artifacts?.[0];
    if (!artifact) throw unresolved(whole);
    if (m[3] === 'uri') return artifact.uri;
    if (m[3] === 'path') return artifact.customPath ?? uriToLocalPath(artifact.uri);
    const metadata = artifact.metadata ?? {};
    return m[4] !== undefined ? formatParameter(metadata[m[4]], whole) : JSON.stringify(metadata);
  }
  m = /^outputs\.parameters\['([^']+)'\]\.output_file$/.exec(path);
  if (m) {
    const file = input.outputs?.parameters?.[m[1]!]?.outputFile;
    if (!file) throw unresolved(whole);
    return file;
  }
  if (path === 'outputs.output_file') {
    if (!input.outputs?.outputFile) throw unresolved(whole);
    return input.outputs.outputFile;
  }
  throw unresolved(whole);
}

function formatParameter(value: JsonValue | undefined, whole: string): string {
  if (value === undefined) throw unresolved(whole);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function unresolved(placeholder: string): CtpipeError {
  return new CtpipeError('BAD_CONFIG', `placeholder ${placeholder} does not resolve for this task`, {
    details: { found: placeholder },
  });
}
