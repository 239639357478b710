#!/usr/bin/env node
// Lints Dockerfiles with both npm linters (hadolint's npm package only downloads a binary, which cannot work
// offline): dockerfile-utils checks syntax and semantics, dockerfilelint best practices with the repo's
// .dockerfilelintrc. Both warnings and errors count. Exit 1 on any finding.
//   node docker/lint.mjs                 every docker/*.Dockerfile
//   node docker/lint.mjs <file>…         the given files
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const dockerfileUtils = require('dockerfile-utils');
const dockerfilelint = require('dockerfilelint');

const DOCKER_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(DOCKER_DIR, '..');

const files = process.argv.slice(2).length
  ? process.argv.slice(2).map((f) => resolve(f))
  : readdirSync(DOCKER_DIR)
      .filter((f) => f.endsWith('.Dockerfile'))
      .map((f) => join(DOCKER_DIR, f));

const findings = files.flatMap((file) => lint(file).sort((a, b) => a.line - b.line));
for (const f of findings) {
  console.log(`${relative(process.cwd(), f.file)}:${f.line} ${f.tool}: ${f.message.split('\n')[0]}`);
}
console.log(`${files.length} Dockerfile(s), ${findings.length} finding(s)`);
process.exit(findings.length > 0 ? 1 : 0);

/** @returns {{file: string, line: number, tool: string, message: string}[]} */
function lint(file) {
  if (!existsSync(file)) return [{ file, line: 0, tool: 'lint', message: 'no such file' }];
  const content = readFileSync(file, 'utf8');
  const utils = dockerfileUtils.validate(content).map((d) => ({
    file,
    line: d.range.start.line + 1,
    tool: 'dockerfile-utils',
    message: `${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`,
  }));
  const bestPractice = dockerfilelint.run(REPO_ROOT, content).map((i) => ({
    file,
    line: Number(i.line),
    tool: 'dockerfilelint',
    message: `${i.title}: ${i.description}`,
  }));
  return [...utils, ...bestPractice, ...untaggedBases(file, content)];
}

/**
 * .dockerfilelintrc turns dockerfilelint's missing_tag off because it flags `FROM ${ARG}` and `FROM <stage>`;
 * this keeps what the rule is for: every image a FROM names, directly or through an ARG default, has a tag
 * or digest.
 */
function untaggedBases(file, content) {
  const lines = content.split('\n');
  const argDefaults = new Map();
  const stages = new Set();
  const found = [];
  lines.forEach((text, i) => {
    const arg = /^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(\S*))?/i.exec(text);
    if (arg) argDefaults.set(arg[1], arg[2]);
    const from = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(text);
    if (!from) return;
    const ref = from[1].replace(/^\$\{?([A-Za-z0-9_]+)\}?$/, (_, name) => argDefaults.get(name) ?? '');
    const isStage = ref === 'scratch' || stages.has(ref.toLowerCase());
    if (from[2]) stages.add(from[2].toLowerCase());
    if (isStage) return;
    if (ref === '' || !/(:[\w.-]+|@sha256:[0-9a-f]{64})$/.test(ref.replace(/^[^/]+:\d+\//, ''))) {
      found.push({
        file,
        line: i + 1,
        tool: 'base-tag',
        message: `FROM ${from[1]}: the image needs a tag or digest${ref === '' ? ' (an ARG with no default)' : ''}`,
      });
    }
  });
  return found;
}
