#!/usr/bin/env node
// The container entry: the KFP v2 contract is handled by runComponent; the work is in core.ts.
import { runComponent } from '@ctpipe/contract';
import { transform } from './core.js';
import { resolveTransformInputs } from './resolve-inputs.js';
import { transformSpec } from './spec.js';

await runComponent(transformSpec, transform, { preCacheCheck: resolveTransformInputs });
