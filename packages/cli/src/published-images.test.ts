import type { PipelineSpec } from '@ctpipe/ir';
import { describe, expect, it } from 'vitest';
import { requirePublishedImages, unpublishedImages } from './published-images.js';

function specWith(images: string[]): PipelineSpec {
  const executors = Object.fromEntries(
    images.map((image, i) => [`exec-${i}`, { container: { image, command: ['node'], args: [] } }]),
  );
  return { deploymentSpec: { executors } } as unknown as PipelineSpec;
}

describe('images a Vertex AI job can pull', () => {
  it('finds the images that name no registry host', () => {
    const spec = specWith([
      'ctpipe/extract:latest',
      'europe-west4-docker.pkg.dev/p/r/train:abc',
      'localhost:5000/ctpipe/push:1',
      'python:3.11',
      'ctpipe/extract:latest',
    ]);
    expect(unpublishedImages(spec)).toEqual(['ctpipe/extract:latest', 'python:3.11']);
  });

  it('refuses to send them, saying how to publish', () => {
    expect(() => requirePublishedImages(specWith(['ctpipe/extract:latest']))).toThrow(
      /not in a registry \(ctpipe\/extract:latest\): run `ctpipe images set/,
    );
    expect(() => requirePublishedImages(specWith(['gcr.io/p/extract:1']))).not.toThrow();
  });
});
