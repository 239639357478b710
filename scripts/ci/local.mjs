#!/usr/bin/env node
// `npm run ci:local [-- --tag T --skip install,test --sub _ENV=test]`: runs cloudbuild.yaml's steps on this machine,
// in file order, with local values for the substitutions. Steps whose env says CI_SCOPE=cloud are printed and
// skipped, or run with their CI_LOCAL_FLAGS (the image plan as an offline dry run). It ends by checking that the
// compiled pipeline.json names every component image with the given tag, and always restores component.yaml
// (the images-set step rewrites them; they are committed with the `ctpipe/<verb>:latest` images).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveSubstitutions, substitute } from './substitute.mjs';

// Reading cloudbuild.yaml needs the repo's dependencies; the install step reinstalls them cleanly (npm ci).
const { parse } = await import('yaml').catch(() => {
  console.error('ci:local: dependencies are not installed: run `npm install` first');
  process.exit(2);
});

const ROOT = resolve(import.meta.dirname, '../..');
const { values: opts } = parseArgs({
  options: {
    tag: { type: 'string', default: `local-${git('rev-parse', '--short=12', 'HEAD') || 'build'}` },
    skip: { type: 'string', default: '' },
    sub: { type: 'string', multiple: true, default: [] },
    config: { type: 'string', default: 'cloudbuild.yaml' },
  },
});
const skip = new Set(opts.skip.split(',').filter(Boolean));
const config = parse(readFileSync(join(ROOT, opts.config), 'utf8'));

// Trigger built-ins as a local build would have them; the registry is a placeholder nothing is pushed to.
const builtins = {
  PROJECT_ID: 'local-project',
  PROJECT_NUMBER: '0',
  BUILD_ID: 'local',
  LOCATION: 'local',
  COMMIT_SHA: opts.tag,
  REVISION_ID: opts.tag,
  SHORT_SHA: opts.tag.slice(0, 7),
  BRANCH_NAME: git('rev-parse', '--abbrev-ref', 'HEAD') || 'local',
  REPO_NAME: 'ctpipe',
};
const overrides = { _REGISTRY: 'localhost/ctpipe', _ENV: 'dev' };
for (const pair of opts.sub) {
  const eq = pair.indexOf('=');
  overrides[pair.slice(0, eq)] = pair.slice(eq + 1);
}
const subs = resolveSubstitutions(builtins, config.substitutions ?? {}, overrides);

const componentFiles = readdirSync(join(ROOT, 'components'))
  .map((verb) => join(ROOT, 'components', verb, 'component.yaml'))
  .filter((f) => existsSync(f));
const saved = new Map(componentFiles.map((f) => [f, readFileSync(f, 'utf8')]));
const restore = () => {
  for (const [file, text] of saved) if (readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
};
process.on('SIGINT', () => {
  restore();
  process.exit(130);
});

let failed;
const started = Date.now();
try {
  for (const step of config.steps) {
    const id = step.id ?? step.name;
    const env = Object.fromEntries(
      (step.env ?? [])
        .map((e) => substitute(e, subs))
        .map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
    );
    const args = (step.args ?? []).map((a) => substitute(a, subs));
    if (skip.has(id)) {
      log(id, 'skipped (--skip)');
      continue;
    }
    if (env.CI_SCOPE === 'cloud') {
      if (!env.CI_LOCAL_FLAGS) {
        log(id, 'skipped (cloud)');
        continue;
      }
      log(id, `cloud step: running its local part only (${env.CI_LOCAL_FLAGS}); build/push skipped (cloud)`);
      args.push(...env.CI_LOCAL_FLAGS.split(' '));
    }
    const command = substitute(step.entrypoint ?? 'npm', subs);
    log(id, `$ ${command} ${args.join(' ')}`);
    const result = spawnSync(command, args, {
      cwd: join(ROOT, step.dir ?? ''),
      stdio: 'inherit',
      env: { ...process.env, ...optionEnv(config), ...env },
    });
    if (result.status !== 0) {
      failed = `step ${id} failed (exit ${result.status ?? result.signal})`;
      break;
    }
  }
  if (!failed) failed = checkPipeline();
} finally {
  restore();
}
const changedYaml = componentFiles.filter((f) => readFileSync(f, 'utf8') !== saved.get(f));
if (changedYaml.length > 0) failed ??= `component.yaml not restored: ${changedYaml.join(', ')}`;
console.log(
  `\n[ci:local] ${failed ? `FAILED: ${failed}` : 'all local steps passed'} (${((Date.now() - started) / 1000).toFixed(1)} s; component.yaml files restored)`,
);
process.exit(failed ? 1 : 0);

/** Every component executor in the compiled pipeline must name `<registry>/<verb>:<tag>`. */
function checkPipeline() {
  const file = join(ROOT, 'pipeline.json');
  if (!existsSync(file)) return 'no pipeline.json was compiled';
  const executors = JSON.parse(readFileSync(file, 'utf8')).deploymentSpec?.executors ?? {};
  const verbs = componentFiles.map((f) => f.split('/').at(-2));
  const images = Object.values(executors)
    .map((e) => e.container?.image)
    .filter(Boolean);
  const ours = images.filter((image) => verbs.some((v) => image.startsWith(`${subs._REGISTRY}/${v}:`)));
  const wrong = ours.filter((image) => !image.endsWith(`:${opts.tag}`));
  console.log(`\n[ci:local] pipeline.json images (${ours.length} of ${images.length} are components):`);
  for (const image of images) console.log(`  ${image}`);
  if (ours.length === 0) return `pipeline.json names no image under ${subs._REGISTRY}`;
  if (wrong.length > 0) return `images without tag ${opts.tag}: ${wrong.join(', ')}`;
  console.log(`[ci:local] every component image carries the tag ${opts.tag}`);
  return undefined;
}

function optionEnv(cfg) {
  return Object.fromEntries(
    (cfg.options?.env ?? []).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
  );
}

function log(id, text) {
  console.log(`\n[ci:local] ${id}: ${text}`);
}

function git(...args) {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}
