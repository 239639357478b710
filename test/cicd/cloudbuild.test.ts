import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type BuildConfig, ruleViolations, schemaErrors } from './cloudbuild-rules.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const load = (file: string) => parse(readFileSync(join(REPO, file), 'utf8')) as BuildConfig;
const main = () => load('cloudbuild.yaml');
const step = (config: BuildConfig, id: string) => config.steps.find((s) => s.id === id)!;

describe.each(['cloudbuild.yaml', 'cloudbuild.promote.yaml'])('%s', (file) => {
  it('validates against SchemaStore cloudbuild.json and breaks none of the rules the schema misses', () => {
    const config = load(file);
    expect(schemaErrors(config, REPO)).toEqual([]);
    expect(ruleViolations(config)).toEqual([]);
  });

  it('says for every step whether it runs locally or only in the cloud (what ci:local reads)', () => {
    for (const s of load(file).steps) {
      expect(
        s.env?.filter((e) => /^CI_SCOPE=(local|cloud)$/.test(e)),
        s.id,
      ).toHaveLength(1);
      if (s.env?.includes('CI_SCOPE=local')) {
        expect([s.entrypoint, s.args?.[0], s.args?.[1]?.startsWith('ci:')], s.id).toEqual([
          'npm',
          'run',
          true,
        ]);
      }
    }
  });
});

describe('cloudbuild.yaml', () => {
  it('runs the steps in the CI/CD order and pushes images before the steps that name them', () => {
    const config = main();
    expect(config.steps.map((s) => s.id)).toEqual([
      'fetch-history',
      'install',
      'static',
      'test',
      'image-plan',
      'build-push-images',
      'serving-image',
      'images-set',
      'compile',
      'publish',
      'run-pipeline',
    ]);
    expect(step(config, 'images-set').waitFor).toEqual(['build-push-images']);
    expect(step(config, 'publish').waitFor).toEqual(['compile', 'serving-image']);
    expect(step(config, 'build-push-images').args).toEqual(['.ctpipe/ci/build-images.sh']);
    expect(step(config, 'image-plan').args).toContain('.ctpipe/ci/build-images.sh');
    expect(step(config, 'publish').args?.join(' ')).toContain('--tag $COMMIT_SHA --tag latest');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Cloud Build substitution syntax, not a JS template
    expect(config.substitutions?._REGISTRY).toBe('${_REGION}-docker.pkg.dev/${PROJECT_ID}/${_REPOSITORY}');
    expect(config.substitutions?._KFP_HOST).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Cloud Build substitution syntax, not a JS template
      'https://${_REGION}-kfp.pkg.dev/${PROJECT_ID}/${_KFP_REPOSITORY}',
    );
    expect(config.options).toMatchObject({ dynamicSubstitutions: true, logging: 'CLOUD_LOGGING_ONLY' });
    expect(config.options?.substitutionOption).toMatch(/^(MUST_MATCH|ALLOW_LOOSE)$/);
  });

  it('names only npm scripts that exist in the root package.json', () => {
    const scripts = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts as Record<
      string,
      string
    >;
    const named = [main(), load('cloudbuild.promote.yaml')]
      .flatMap((c) => c.steps)
      .flatMap((s) => [
        ...(s.args ?? []).filter((a) => a.startsWith('ci:')),
        ...((s.args ?? []).join(' ').match(/ci:[a-z-]+/g) ?? []),
      ]);
    expect(named.length).toBeGreaterThan(8);
    for (const name of new Set(named)) expect(scripts[name], name).toBeDefined();
  });
});

/** Each rule on a broken copy: the rule fires, and only that rule. */
describe('the rules catch what SchemaStore lets through', () => {
  const rulesOf = (config: BuildConfig) => [...new Set(ruleViolations(config).map((v) => v.split(':')[0]))];
  const broken = (mutate: (c: BuildConfig) => void) => {
    const config = structuredClone(main());
    mutate(config);
    return config;
  };
  const cases: [string, (c: BuildConfig) => void][] = [
    ['step-name', (c) => delete step(c, 'static').name],
    ['step-id', (c) => (step(c, 'run-pipeline').id = 'publish')],
    ['wait-for', (c) => (step(c, 'install').waitFor = ['test'])],
    ['env', (c) => step(c, 'test').env?.push('NO_EQUALS_SIGN')],
    ['unknown-substitution', (c) => step(c, 'compile').args?.push('$_NOT_DECLARED')],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Cloud Build substitution syntax, not a JS template
    ['unknown-substitution', (c) => step(c, 'compile').args?.push('${COMMITSHA}')],
    ['unused-substitution', (c) => (c.substitutions = { ...c.substitutions, _NEVER_USED: 'x' })],
    ['shell-dollar', (c) => step(c, 'run-pipeline').args?.push('echo $(cat .ctpipe/ci/template-uri)')],
    ['shell-dollar', (c) => step(c, 'run-pipeline').args?.push('for f in *; do echo $f; done')],
    ['secret-env', (c) => (step(c, 'publish').secretEnv = ['TOKEN'])],
    ['script', (c) => (step(c, 'test').script = 'npm test')],
    ['timeout', (c) => (step(c, 'test').timeout = '9000s')],
  ];
  it.each(cases)('%s', (rule, mutate) => {
    const config = broken(mutate);
    expect(schemaErrors(config, REPO)).toEqual([]);
    expect(rulesOf(config)).toEqual([rule]);
  });

  it('and the schema catches what it does check (an old logging value, a bad machine type)', () => {
    const config = broken((c) => {
      c.options = { ...c.options, logging: 'STACKDRIVER_ONLY', machineType: 'E2_STANDARD_4' };
    });
    expect(schemaErrors(config, REPO).length).toBeGreaterThanOrEqual(2);
  });
});
