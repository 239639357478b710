import { describe, expect, it } from 'vitest';
import { allowedMethod, matchRoute } from './route.js';

describe('matchRoute', () => {
  it.each([
    [
      '/v1/models/penguin',
      { kind: 'model', model: 'penguin', selector: { kind: 'default' }, action: 'status' },
    ],
    [
      '/v1/models/penguin/versions/12',
      { kind: 'model', model: 'penguin', selector: { kind: 'version', version: 12 }, action: 'status' },
    ],
    [
      '/v1/models/penguin/labels/canary',
      { kind: 'model', model: 'penguin', selector: { kind: 'label', label: 'canary' }, action: 'status' },
    ],
    [
      '/v1/models/penguin/metadata',
      { kind: 'model', model: 'penguin', selector: { kind: 'default' }, action: 'metadata' },
    ],
    [
      '/v1/models/penguin/versions/3/metadata',
      { kind: 'model', model: 'penguin', selector: { kind: 'version', version: 3 }, action: 'metadata' },
    ],
    [
      '/v1/models/penguin:predict',
      { kind: 'model', model: 'penguin', selector: { kind: 'default' }, action: 'predict' },
    ],
    [
      '/v1/models/penguin/labels/stable:predict?x=1',
      { kind: 'model', model: 'penguin', selector: { kind: 'label', label: 'stable' }, action: 'predict' },
    ],
    [
      '/V1/MODELS/penguin:PREDICT',
      { kind: 'model', model: 'penguin', selector: { kind: 'default' }, action: 'predict' },
    ],
    [
      '/v1/models/my%20model:classify',
      { kind: 'model', model: 'my model', selector: { kind: 'default' }, action: 'classify' },
    ],
    [
      '/v1/models/penguin/stats',
      { kind: 'model', model: 'penguin', selector: { kind: 'default' }, action: 'stats' },
    ],
    ['/v1/models/penguin/versions/x', { kind: 'unknown' }],
    ['/v1/models/%zz', { kind: 'unknown' }],
    ['/v1/models/penguin:explain', { kind: 'unknown' }],
    ['/v1/models/', { kind: 'unknown' }],
  ])('%s', (url, route) => {
    expect(matchRoute(url)).toEqual(route);
  });

  it("checks Vertex AI's routes first, by exact path", () => {
    const vertex = {
      healthRoute: '/v1/endpoints/1/deployedModels/2',
      predictRoute: '/v1/endpoints/1/deployedModels/2:predict',
    };
    expect(matchRoute('/v1/endpoints/1/deployedModels/2:predict', vertex)).toEqual({
      kind: 'vertex-predict',
    });
    expect(matchRoute('/v1/endpoints/1/deployedModels/2', vertex)).toEqual({ kind: 'vertex-health' });
    expect(matchRoute('/v1/models/penguin', vertex).kind).toBe('model');
  });

  it('knows the method of each route', () => {
    expect(allowedMethod(matchRoute('/v1/models/penguin'))).toBe('GET');
    expect(allowedMethod(matchRoute('/v1/models/penguin:regress'))).toBe('POST');
    expect(allowedMethod(matchRoute('/nope'))).toBeUndefined();
  });
});
