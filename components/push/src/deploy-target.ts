import type { CoreInputs } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import type { PushSpec } from './spec.js';

export type DeployTarget =
  | { kind: 'local' }
  | {
      kind: 'vertex';
      project: string;
      region: string;
      endpoint: string;
      servingImage: string;
      machineType: string;
    };

/** Checks the deployment parameters before anything is copied: a bad one fails the push with nothing done. */
export function deployTargetOf(p: CoreInputs<PushSpec>['parameters']): DeployTarget {
  if (!Number.isInteger(p.canary_percent) || p.canary_percent < 0 || p.canary_percent > 100) {
    throw new CtpipeError('BAD_INPUT', 'canary_percent must be an integer from 0 to 100', {
      details: { column: 'canary_percent', expected: '0..100', found: String(p.canary_percent) },
    });
  }
  if (p.deploy_target === 'local') return { kind: 'local' };
  if (p.deploy_target !== 'vertex') {
    throw new CtpipeError('BAD_INPUT', `unknown deploy_target '${p.deploy_target}'`, {
      details: { column: 'deploy_target', expected: 'local | vertex', found: p.deploy_target },
    });
  }
  const missing = (['vertex_project', 'vertex_region', 'serving_image'] as const).filter(
    (k) => p[k].trim() === '',
  );
  if (missing.length > 0) {
    throw new CtpipeError('BAD_INPUT', `deploy_target vertex needs ${missing.join(', ')}`, {
      details: { column: missing.join(', '), expected: 'non-empty values' },
    });
  }
  if (!p.serving_base_path.startsWith('gs://')) {
    throw new CtpipeError(
      'BAD_INPUT',
      'Vertex AI loads models from Cloud Storage: serving_base_path must be gs://',
      {
        details: {
          column: 'serving_base_path',
          expected: 'gs://<bucket>/<prefix>',
          found: p.serving_base_path,
        },
      },
    );
  }
  return {
    kind: 'vertex',
    project: p.vertex_project,
    region: p.vertex_region,
    endpoint: p.vertex_endpoint,
    servingImage: p.serving_image,
    machineType: p.vertex_machine_type,
  };
}
