/** Which version a request names: none (the split decides), `/versions/{v}` or `/labels/{l}`. */
export type Selector =
  | { kind: 'default' }
  | { kind: 'version'; version: number }
  | { kind: 'label'; label: string };

export type ModelAction = 'status' | 'metadata' | 'stats' | 'predict' | 'classify' | 'regress';

export type Route =
  | { kind: 'model'; model: string; selector: Selector; action: ModelAction }
  | { kind: 'vertex-health' }
  | { kind: 'vertex-predict' }
  | { kind: 'unknown' };

// TF Serving's REST paths (http_rest_api_handler.cc), case-insensitive; `stats` is ctpipe's extension.
const MODEL_PATH =
  /^\/v1\/models\/([^/:]+)(?:\/versions\/(\d+)|\/labels\/([^/:]+))?(?:\/(metadata|stats)|:(predict|classify|regress))?$/i;

const METHOD: Record<ModelAction, 'GET' | 'POST'> = {
  status: 'GET',
  metadata: 'GET',
  stats: 'GET',
  predict: 'POST',
  classify: 'POST',
  regress: 'POST',
};

export function allowedMethod(route: Route): 'GET' | 'POST' | undefined {
  switch (route.kind) {
    case 'model':
      return METHOD[route.action];
    case 'vertex-health':
      return 'GET';
    case 'vertex-predict':
      return 'POST';
    case 'unknown':
      return undefined;
  }
}

/** Parses a request target (path and query); Vertex AI's routes are exact paths and are checked first. */
export function matchRoute(url: string, vertex?: { healthRoute: string; predictRoute: string }): Route {
  const q = url.indexOf('?');
  const pathname = q === -1 ? url : url.slice(0, q);
  if (vertex) {
    if (pathname === vertex.predictRoute) return { kind: 'vertex-predict' };
    if (pathname === vertex.healthRoute) return { kind: 'vertex-health' };
  }
  const m = MODEL_PATH.exec(pathname);
  if (!m) return { kind: 'unknown' };
  const model = decode(m[1]!);
  const label = m[3] === undefined ? '' : decode(m[3]);
  if (model === undefined || label === undefined) return { kind: 'unknown' };
  const selector: Selector =
    m[2] !== undefined
      ? { kind: 'version', version: Number(m[2]) }
      : m[3] !== undefined
        ? { kind: 'label', label }
        : { kind: 'default' };
  const action = (m[4] ?? m[5] ?? 'status').toLowerCase() as ModelAction;
  return { kind: 'model', model, selector, action };
}

/** A percent-decoded path segment; undefined when the encoding is broken. */
function decode(segment: string): string | undefined {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
