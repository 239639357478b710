#!/usr/bin/env node
// The container entry: the KFP v2 contract is handled by runComponent; the work is in core.ts.
import { runComponent } from '@ctpipe/contract';
import { extract } from './core.js';
import { resolveExtractInputs } from './resolve-inputs.js';
import { extractSpec } from './spec.js';

await runComponent(extractSpec, extract, { preCacheCheck: resolveExtractInputs });
