#!/usr/bin/env node
// Rewrites components/<verb>/component.yaml's interface from its built spec (dist/spec.js), keeping the
// implementation (image, command, args) already there: `npm run build && node scripts/component-yaml.mjs extract`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseComponentYaml, renderComponentYaml } from '../packages/contract/dist/index.js';

const verb = process.argv[2];
if (!verb) {
  console.error('usage: node scripts/component-yaml.mjs <component>');
  process.exit(2);
}
const dir = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'components', verb);
const specModule = await import(join(dir, 'dist', 'spec.js'));
const spec = Object.values(specModule).find((v) => v && typeof v === 'object' && v.name === verb);
const file = join(dir, 'component.yaml');
const implementation = existsSync(file)
  ? parseComponentYaml(readFileSync(file, 'utf8'), file).implementation
  : {
      image: `ctpipe/${verb}:latest`,
      command: ['node', `/app/components/${verb}/dist/main.js`],
      args: ['--executor-input', { executorInput: null }],
    };
writeFileSync(file, renderComponentYaml(spec, implementation));
console.log(`wrote ${file}`);
