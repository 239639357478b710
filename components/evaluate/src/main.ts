#!/usr/bin/env node
// The container entry: the KFP v2 contract is handled by runComponent; the work is in core.ts.
import { runComponent } from '@ctpipe/contract';
import { evaluate } from './core.js';
import { evaluateSpec } from './spec.js';

await runComponent(evaluateSpec, evaluate);
