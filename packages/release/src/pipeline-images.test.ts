import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setPipelineFileImages, setPipelineImages } from './pipeline-images.js';

const spec = () => ({
  pipelineInfo: { name: 'ct' },
  deploymentSpec: {
    executors: {
      'exec-extract': { container: { image: 'ctpipe/extract:latest', command: ['node'] } },
      'exec-train': { container: { image: 'europe-west4-docker.pkg.dev/p/r/train@sha256:00ff' } },
      'exec-importer': { importer: { artifactUri: { constant: 'gs://x' } } },
      'exec-third-party': { container: { image: 'python:3.11' } },
    },
  },
});

describe('setPipelineImages', () => {
  it('rewrites the images of our components and leaves importers and third-party images alone', () => {
    const s = spec();
    const changes = setPipelineImages(s, {
      registry: 'reg.io/p/r',
      tag: 't1',
      components: ['extract', 'train'],
    });
    expect(changes).toEqual([
      {
        component: 'extract',
        file: '<pipeline>',
        from: 'ctpipe/extract:latest',
        to: 'reg.io/p/r/extract:t1',
      },
      {
        component: 'train',
        file: '<pipeline>',
        from: 'europe-west4-docker.pkg.dev/p/r/train@sha256:00ff',
        to: 'reg.io/p/r/train:t1',
      },
    ]);
    expect(s.deploymentSpec.executors['exec-extract'].container).toEqual({
      image: 'reg.io/p/r/extract:t1',
      command: ['node'],
    });
    expect(s.deploymentSpec.executors['exec-third-party'].container.image).toBe('python:3.11');
  });

  it('rewrites a pipeline.json file in place and refuses a file that is not a compiled pipeline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipeline-images-'));
    const file = join(dir, 'pipeline.json');
    writeFileSync(file, JSON.stringify(spec()));
    await setPipelineFileImages({ file, registry: 'reg.io/p/r', tag: 't2', components: ['extract'] });
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.deploymentSpec.executors['exec-extract'].container.image).toBe('reg.io/p/r/extract:t2');
    expect(written.deploymentSpec.executors['exec-train'].container.image).toBe(
      'europe-west4-docker.pkg.dev/p/r/train@sha256:00ff',
    );
    writeFileSync(file, '{"root":{}}');
    await expect(
      setPipelineFileImages({ file, registry: 'reg.io/p/r', tag: 't2', components: ['extract'] }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', details: { file } });
  });
});
