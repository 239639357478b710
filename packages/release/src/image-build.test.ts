import { describe, expect, it } from 'vitest';
import { applyRetags, dockerBuildCommands, dockerBuildScript } from './image-build.js';
import type { ImagePlan, PlannedImage } from './image-plan.js';

const image = (component: string, action: PlannedImage['action']): PlannedImage => ({
  component,
  packageName: `@ctpipe/${component}`,
  repository: `reg.io/p/r/${component}`,
  contentTag: `content-${component}1-aa`,
  commitTag: 'sha1',
  changed: action === 'build',
  action,
  reason: 'test',
});

const plan: ImagePlan = {
  registry: 'reg.io/p/r',
  commitTag: 'sha1',
  history: 'test',
  registryChecked: true,
  images: [image('extract', 'build'), image('train', 'retag'), image('push', 'present')],
};

describe('executing an image plan', () => {
  it('builds only the build images from the component Dockerfile, tagged twice, and pushes both tags', () => {
    expect(dockerBuildCommands(plan)).toEqual([
      [
        'docker',
        'build',
        '-f',
        'docker/component.Dockerfile',
        '--build-arg',
        'COMPONENT=extract',
        '-t',
        'reg.io/p/r/extract:content-extract1-aa',
        '-t',
        'reg.io/p/r/extract:sha1',
        '.',
      ],
      ['docker', 'push', 'reg.io/p/r/extract:content-extract1-aa'],
      ['docker', 'push', 'reg.io/p/r/extract:sha1'],
    ]);
    const script = dockerBuildScript(plan);
    expect(script.split('\n').slice(2, 4)).toEqual([
      'set -euo pipefail',
      'docker build -f docker/component.Dockerfile --build-arg COMPONENT=extract -t reg.io/p/r/extract:content-extract1-aa -t reg.io/p/r/extract:sha1 .',
    ]);
    expect(dockerBuildScript({ ...plan, images: [image('train', 'retag')] })).toContain('nothing to build');
  });

  it('re-tags only the retag images', async () => {
    const calls: string[] = [];
    const done = await applyRetags(plan, {
      hasTag: async () => true,
      addTag: async (repo, from, to) => {
        calls.push(`${repo} ${from}→${to}`);
      },
    });
    expect(calls).toEqual(['reg.io/p/r/train content-train1-aa→sha1']);
    expect(done).toEqual(['reg.io/p/r/train:sha1']);
  });
});
