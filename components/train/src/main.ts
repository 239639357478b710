#!/usr/bin/env node
// The container entry: the KFP v2 contract is handled by runComponent; the work is in core.ts.
import { runComponent } from '@ctpipe/contract';
import { train } from './core.js';
import { resolveTrainInputs } from './resolve-inputs.js';
import { trainSpec } from './spec.js';

await runComponent(trainSpec, train, { preCacheCheck: resolveTrainInputs });
