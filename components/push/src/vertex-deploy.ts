import type { Logger } from '@ctpipe/contract';
import { fromVertexError, isNotFound, noVertexCredentials } from '@ctpipe/vertex';
import type { EndpointServiceClient, ModelServiceClient } from '@google-cloud/aiplatform';
import {
  buildDeployModelRequest,
  buildUploadModelRequest,
  locationPath,
  modelResourceName,
} from './vertex-requests.js';

export interface VertexClients {
  models: ModelServiceClient;
  endpoints: EndpointServiceClient;
}

export interface VertexClientOptions {
  /** Default `<region>-aiplatform.googleapis.com`. */
  apiEndpoint?: string;
  port?: number;
}

/** The real clients; the library is loaded only here, so a local push never pays for its protos. */
export async function createVertexClients(
  region: string,
  options: VertexClientOptions = {},
): Promise<VertexClients> {
  const { EndpointServiceClient, ModelServiceClient } = await import('@google-cloud/aiplatform');
  const opts = {
    apiEndpoint: options.apiEndpoint ?? `${region}-aiplatform.googleapis.com`,
    ...(options.port === undefined ? {} : { port: options.port }),
  };
  return { models: new ModelServiceClient(opts), endpoints: new EndpointServiceClient(opts) };
}

export interface VertexDeployment {
  project: string;
  region: string;
  modelName: string;
  version: number;
  /** The gs:// version folder in the registry. */
  artifactUri: string;
  source: string;
  servingImage: string;
  /** An endpoint id, a `projects/…/endpoints/<id>` name, or '' for the endpoint named after the model. */
  endpoint: string;
  /** 100 for a stable rollout, the canary share otherwise. */
  trafficPercent: number;
  machineType: string;
}

export interface VertexDeployResult {
  /** `projects/…/models/<id>` */
  model: string;
  modelVersionId: string;
  endpoint: string;
  deployedModelId: string;
  trafficSplit: Record<string, number>;
}

/**
 * Uploads the version to Vertex AI Model Registry (as a new version when the model exists) and deploys it to the
 * endpoint with the canary traffic split. Credentials are checked first: without them the gapic stubs reject
 * every method's promise, and only the called one would be handled.
 */
export async function deployToVertex(
  d: VertexDeployment,
  clients: VertexClients,
  log: Logger,
): Promise<VertexDeployResult> {
  const where = { project: d.project, region: d.region, model: d.modelName };
  try {
    await clients.models.auth.getClient();
  } catch (err) {
    throw noVertexCredentials(err, where);
  }
  const step = async <T>(name: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (err) {
      return fromVertexError(err, name, where);
    }
  };

  const modelName = modelResourceName(d.project, d.region, d.modelName);
  const exists = await step('getModel', () =>
    clients.models.getModel({ name: modelName }).then(
      () => true,
      (err: unknown) => (isNotFound(err) ? false : Promise.reject(err)),
    ),
  );
  const upload = buildUploadModelRequest({ ...d, ...(exists ? { parentModel: modelName } : {}) });
  const [uploaded] = await step('uploadModel', async () =>
    (await clients.models.uploadModel(upload))[0].promise(),
  );
  const modelVersion = `${uploaded.model}@${uploaded.modelVersionId}`;
  log.info('uploaded to Vertex AI Model Registry', { model: modelVersion });

  const endpoint = await step('endpoint', () => resolveEndpoint(clients.endpoints, d));
  const [current] = await step('getEndpoint', () => clients.endpoints.getEndpoint({ name: endpoint }));
  const request = buildDeployModelRequest({
    endpoint,
    model: modelVersion,
    displayName: `${d.modelName}-v${d.version}`,
    trafficPercent: d.trafficPercent,
    currentTrafficSplit: current.trafficSplit ?? {},
    machineType: d.machineType,
  });
  const [deployed] = await step('deployModel', async () =>
    (await clients.endpoints.deployModel(request))[0].promise(),
  );
  log.info('deployed to Vertex AI endpoint', { endpoint, trafficSplit: request.trafficSplit });
  return {
    model: uploaded.model ?? modelName,
    modelVersionId: uploaded.modelVersionId ?? '',
    endpoint,
    deployedModelId: deployed.deployedModel?.id ?? '',
    trafficSplit: request.trafficSplit ?? {},
  };
}

async function resolveEndpoint(endpoints: EndpointServiceClient, d: VertexDeployment): Promise<string> {
  const parent = locationPath(d.project, d.region);
  if (d.endpoint.startsWith('projects/')) return d.endpoint;
  if (d.endpoint !== '') return `${parent}/endpoints/${d.endpoint}`;
  const [found] = await endpoints.listEndpoints({ parent, filter: `display_name="${d.modelName}"` });
  const existing = found.find((e) => e.name)?.name;
  if (existing) return existing;
  const [operation] = await endpoints.createEndpoint({ parent, endpoint: { displayName: d.modelName } });
  const [created] = await operation.promise();
  return created.name ?? '';
}
