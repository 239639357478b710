#!/usr/bin/env node
// The container entry: the KFP v2 contract is handled by runComponent; the work is in core.ts.
import { runComponent } from '@ctpipe/contract';
import { infraValidate } from './core.js';
import { infraValidateSpec } from './spec.js';

await runComponent(infraValidateSpec, infraValidate);
