// The loopback Cloud Storage of @ctpipe/storage's tests, plus the generation preconditions the registry's lock
// relies on (ifGenerationMatch on uploads and deletes), answered with HTTP 412 as the JSON API does.
import {
  apiError,
  type FakeHandler,
  type FakeResponse,
  type RecordedRequest,
} from '../../storage/test/fake-gcs-server.js';
import { inMemoryGcs } from '../../storage/test/in-memory-gcs.js';

export { startFakeGcsServer } from '../../storage/test/fake-gcs-server.js';

export function gcsWithPreconditions(): FakeHandler {
  const inner = inMemoryGcs(100);
  // Synchronous (the in-memory store answers at once), so check and write cannot interleave with another request.
  const generationOf = (bucket: string, name: string, endpoint: string): number => {
    const probe: RecordedRequest = {
      method: 'GET',
      path: `/storage/v1/b/${bucket}/o/${encodeURIComponent(name)}`,
      query: {},
      headers: {},
      body: Buffer.alloc(0),
    };
    const answer = inner(probe, endpoint) as FakeResponse;
    return answer.status === 200 ? Number((answer.json as { generation: string }).generation) : 0;
  };
  return (req, endpoint) => {
    const wanted = req.query.ifGenerationMatch;
    if (wanted !== undefined) {
      const upload = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(req.path);
      const object = /^\/storage\/v1\/b\/([^/]+)\/o\/(.+)$/.exec(req.path);
      const target = upload
        ? { bucket: upload[1]!, name: req.query.name ?? '' }
        : object
          ? { bucket: object[1]!, name: decodeURIComponent(object[2]!) }
          : undefined;
      if (target && generationOf(target.bucket, target.name, endpoint) !== Number(wanted)) {
        return apiError(
          412,
          'At least one of the pre-conditions you specified did not hold.',
          'conditionNotMet',
        );
      }
    }
    return withRealCreationTime(inner(req, endpoint) as FakeResponse);
  };
}

/** The in-memory store stamps every object with one fixed timeCreated; the lock's staleness check reads it. */
function withRealCreationTime(answer: FakeResponse): FakeResponse {
  const json = answer.json as { kind?: string; updated?: string } | undefined;
  if (json?.kind !== 'storage#object') return answer;
  return { ...answer, json: { ...json, timeCreated: json.updated } };
}
