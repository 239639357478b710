import type { protos } from '@google-cloud/aiplatform';

export type UploadModelRequest = protos.google.cloud.aiplatform.v1.IUploadModelRequest;
export type DeployModelRequest = protos.google.cloud.aiplatform.v1.IDeployModelRequest;

/**
 * The prediction server's routes inside its container. Vertex AI passes them as AIP_HEALTH_ROUTE and
 * AIP_PREDICT_ROUTE, and the server listens on AIP_HTTP_PORT (the first port below), so these are conventions
 * between this request and the server's environment, not paths the server hard-codes.
 */
export const CONTAINER_PORT = 8080;
export const HEALTH_ROUTE = '/health';
export const PREDICT_ROUTE = '/predict';

export interface UploadModelInput {
  project: string;
  region: string;
  modelName: string;
  /** The registry version: Vertex keeps its own version ids, this is recorded in labels. */
  version: number;
  /** The gs:// version folder; Vertex copies it and hands the copy to the container as AIP_STORAGE_URI. */
  artifactUri: string;
  servingImage: string;
  /** The Model artifact the version came from. */
  source: string;
  /** `projects/…/models/<id>` when the model exists: the upload becomes its new version. */
  parentModel?: string;
}

/** Vertex AI model ids: `[a-z0-9_-]{1,63}`, so the model name is folded to that. */
export function vertexModelId(modelName: string): string {
  return (
    modelName
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .slice(0, 63) || 'model'
  );
}

export function locationPath(project: string, region: string): string {
  return `projects/${project}/locations/${region}`;
}

export function modelResourceName(project: string, region: string, modelName: string): string {
  return `${locationPath(project, region)}/models/${vertexModelId(modelName)}`;
}

/**
 * ModelService.UploadModel: the version folder with the prediction server's image. No google.protobuf.Struct
 * field is set (Model.metadata stays empty), so nothing needs `helpers.toValue` (protobufjs drops plain objects
 * given for a Struct).
 */
export function buildUploadModelRequest(input: UploadModelInput): UploadModelRequest {
  const { project, region, modelName, version } = input;
  return {
    parent: locationPath(project, region),
    ...(input.parentModel ? { parentModel: input.parentModel } : { modelId: vertexModelId(modelName) }),
    model: {
      displayName: modelName,
      description: `ctpipe model ${modelName}, served by the ctpipe prediction server (TF Serving REST API)`,
      versionDescription: `registry version ${version} from ${input.source}`,
      artifactUri: input.artifactUri,
      labels: { ctpipe_model: vertexModelId(modelName), ctpipe_registry_version: String(version) },
      containerSpec: {
        imageUri: input.servingImage,
        // TF Serving's image takes the served name from MODEL_NAME; so does ours.
        env: [{ name: 'MODEL_NAME', value: modelName }],
        ports: [{ containerPort: CONTAINER_PORT }],
        healthRoute: HEALTH_ROUTE,
        predictRoute: PREDICT_ROUTE,
      },
    },
  };
}

export interface DeployModelInput {
  /** `projects/…/endpoints/<id>` */
  endpoint: string;
  /** The uploaded model version, `projects/…/models/<id>@<versionId>`. */
  model: string;
  displayName: string;
  /** Traffic for the new deployment: 100 for a stable rollout, the canary share otherwise. */
  trafficPercent: number;
  /** The endpoint's current split (deployedModelId → percent). */
  currentTrafficSplit: Record<string, number>;
  machineType: string;
}

/**
 * EndpointService.DeployModel. In its trafficSplit the key "0" is the model being deployed, and the map replaces
 * the endpoint's split (values sum to 100; a deployed model left out gets 0). A canary shares the traffic with the
 * deployed model that has the largest share now, the stable one; any older canary drops to 0.
 */
export function buildDeployModelRequest(input: DeployModelInput): DeployModelRequest {
  const stable = Object.entries(input.currentTrafficSplit)
    .filter(([, share]) => share > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0];
  const percent = Math.max(0, Math.min(100, Math.round(input.trafficPercent)));
  const trafficSplit =
    stable === undefined || percent === 100 ? { '0': 100 } : { '0': percent, [stable]: 100 - percent };
  return {
    endpoint: input.endpoint,
    deployedModel: {
      model: input.model,
      displayName: input.displayName,
      dedicatedResources: {
        machineSpec: { machineType: input.machineType },
        minReplicaCount: 1,
        maxReplicaCount: 1,
      },
    },
    trafficSplit,
  };
}
