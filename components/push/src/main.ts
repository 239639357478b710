#!/usr/bin/env node
// The container entry: the KFP v2 contract is handled by runComponent; the work is in core.ts.
import { runComponent } from '@ctpipe/contract';
import { push } from './core.js';
import { pushSpec } from './spec.js';

await runComponent(pushSpec, push);
