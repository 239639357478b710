import { describe, expect, it } from 'vitest';
import { componentImage, imageName, splitImage, validateRegistry, validateTag } from './image-ref.js';

describe('image references', () => {
  it('builds <registry>/<component>:<tag> and keeps the component as the image name', () => {
    const image = componentImage('europe-west4-docker.pkg.dev/my-proj/ctpipe/', 'infra-validate', 'abc123');
    expect(image).toBe('europe-west4-docker.pkg.dev/my-proj/ctpipe/infra-validate:abc123');
    expect(imageName(image)).toBe('infra-validate');
    expect(splitImage(image)).toEqual({
      repository: 'europe-west4-docker.pkg.dev/my-proj/ctpipe/infra-validate',
      tag: 'abc123',
    });
    expect(splitImage('localhost:5000/x/extract')).toEqual({
      repository: 'localhost:5000/x/extract',
      tag: undefined,
    });
  });

  it('accepts Docker tags and refuses what Docker refuses', () => {
    expect(validateTag('0123456789abcdef0123456789abcdef01234567')).toBe(
      '0123456789abcdef0123456789abcdef01234567',
    );
    expect(validateTag('content-1a2b_3.c')).toBe('content-1a2b_3.c');
    for (const bad of ['', '-x', '.x', 'feature/x', 'a b', 'x'.repeat(129), 'ä']) {
      expect(() => validateTag(bad), bad).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    }
  });

  it('accepts host/path registries and refuses schemes, upper case paths and bad hosts', () => {
    expect(validateRegistry('localhost:5000/ctpipe')).toBe('localhost:5000/ctpipe');
    expect(validateRegistry('ctpipe')).toBe('ctpipe');
    for (const bad of ['', 'https://x.dev/p', 'x.dev/My-Proj', 'bad_host.dev/p', 'x.dev//p', 'x.dev/p-']) {
      expect(() => validateRegistry(bad), bad).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    }
  });
});
