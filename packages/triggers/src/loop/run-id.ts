import { randomBytes } from 'node:crypto';

/** The runner's run id shape: `<pipeline>-<yyyymmdd-hhmmss>-<6 hex>`. */
export function newRunId(pipelineName: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
  return `${pipelineName}-${stamp}-${randomBytes(3).toString('hex')}`;
}
