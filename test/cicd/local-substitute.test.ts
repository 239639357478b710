import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveSubstitutions, substitute } from '../../scripts/ci/substitute.mjs';
import type { BuildConfig } from './cloudbuild-rules.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('ci:local substitutions (Cloud Build semantics)', () => {
  const config = parse(readFileSync(join(REPO, 'cloudbuild.yaml'), 'utf8')) as BuildConfig;
  const subs = resolveSubstitutions({ PROJECT_ID: 'proj', COMMIT_SHA: 'abc' }, config.substitutions ?? {}, {
    _ENV: 'staging',
  });

  it('expands dynamic substitutions that name other substitutions, with overrides applied', () => {
    expect(subs._REGISTRY).toBe('europe-west4-docker.pkg.dev/proj/ctpipe');
    expect(subs._KFP_HOST).toBe('https://europe-west4-kfp.pkg.dev/proj/ctpipe-pipelines');
    expect(subs._ENV).toBe('staging');
  });

  it('turns $$ into $ for the shell and refuses unknown names', () => {
    const run = config.steps.find((s) => s.id === 'run-pipeline')!;
    const script = substitute(run.args![1]!, subs);
    expect(script).toContain('if [ "false" = "true" ]; then npm run ci:submit -- --env staging --wait;');
    expect(script).toContain('published $(cat .ctpipe/ci/template-uri), not run');
    expect(() => substitute('$_NOPE', subs)).toThrow(/unknown substitution \$_NOPE/);
  });
});
