import { definePipeline } from '@ctpipe/dsl';
import { extract, train } from './components.js';

/** Retry, caching off, resources (both forms), env over the component's, display name and cache key. */
export const pipeline = definePipeline({ name: 'task-settings' }, (b) => {
  const ex = b
    .task(extract, { parameters: { source: 'bq://project.dataset.table', rows: 50 } })
    .setCaching(true, 'extract-v1')
    .setRetry({ maxRetryCount: 3, backoffDuration: '30s', backoffFactor: 1.5, backoffMaxDuration: '1 hour' });
  b.task(train, {
    parameters: { epochs: 3, layers: [128, 64, 32], options: { optimizer: 'adam', clip: 1.0 } },
    artifacts: { examples: ex.outputs.artifacts.examples },
  })
    .setCaching(false)
    .setRetry({ maxRetryCount: 0 })
    .setResources({ cpuLimit: '4', cpuRequest: '500m', memoryLimit: '16Gi', memoryRequest: '256Mi' })
    .setResources({ accelerator: { type: 'NVIDIA_L4', count: 2 } })
    .setEnv('NODE_OPTIONS', '--max-old-space-size=8192')
    .setEnv('CTPIPE_LOG', 'json')
    .setDisplayName('Train (GPU)');
});
