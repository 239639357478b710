import { join } from 'node:path';
import type { ComponentCore, CoreContext, CoreInputs, CoreResult } from '@ctpipe/contract';
import { openRegistry, type PublishResult, type Rollout } from '@ctpipe/registry';
import { notBlessedReasons } from './blessing.js';
import { type DeployTarget, deployTargetOf } from './deploy-target.js';
import { latestVersionDir, metricsOf } from './model-version.js';
import type { PushSpec } from './spec.js';
import {
  createVertexClients,
  deployToVertex,
  type VertexClients,
  type VertexDeployResult,
} from './vertex-deploy.js';

export interface PushDeps {
  /** How Vertex AI clients are made (tests pass clients aimed at a local port). */
  vertexClients(region: string): Promise<VertexClients>;
}

/**
 * TFX's Pusher over the model registry. The pipeline's condition already keeps an unblessed model away; the
 * blessing is checked here too so the component is safe on its own (gate results are data: not blessed →
 * pushed=false, not an error).
 */
export function createPush(deps: PushDeps): ComponentCore<PushSpec> {
  return async (inputs, ctx) => {
    const { model, blessing, infra_blessing: infra, evaluation } = inputs.artifacts;
    const p = inputs.parameters;
    const reasons = notBlessedReasons(blessing, infra);
    if (reasons.length > 0) {
      ctx.log.info('not pushed', { reasons });
      return {
        parameters: { pushed: false, version: 0 },
        metadata: { pushed_model: { pushed: 0, reasons, model_name: p.model_name } },
      };
    }

    const target = deployTargetOf(p);
    const registry = openRegistry(p.serving_base_path, { now: () => ctx.now() });
    const metrics = metricsOf(evaluation);
    const published = await registry.publishVersion({
      model: p.model_name,
      sourceDir: join(model.path, await latestVersionDir(model.path)),
      source: model.uri,
      ...(p.run_id ? { runId: p.run_id } : {}),
      ...(metrics ? { metrics } : {}),
      blessing: blessing.uri,
      rollout: rolloutFor(p.canary_percent),
    });
    ctx.log.info(published.created ? 'registered' : 'already registered', {
      version: published.version,
      labels: published.labels,
      destination: published.uri,
    });
    const vertex = await deploy(target, published, model.uri, p, deps, ctx);
    return result(published, p, vertex);
  };
}

export const push = createPush({ vertexClients: (region) => createVertexClients(region) });

/** 0 % as canary means no canary at all: straight to stable. The registry makes a first version stable anyway. */
function rolloutFor(canaryPercent: number): Rollout {
  return canaryPercent === 0 ? { kind: 'stable' } : { kind: 'canary', canaryPercent };
}

async function deploy(
  target: DeployTarget,
  published: PublishResult,
  source: string,
  p: CoreInputs<PushSpec>['parameters'],
  deps: PushDeps,
  ctx: CoreContext,
): Promise<VertexDeployResult | undefined> {
  if (target.kind === 'local') return undefined;
  const clients = await deps.vertexClients(target.region);
  try {
    return await deployToVertex(
      {
        project: target.project,
        region: target.region,
        modelName: p.model_name,
        version: published.version,
        artifactUri: published.uri,
        source,
        servingImage: target.servingImage,
        endpoint: target.endpoint,
        trafficPercent: published.labels.includes('canary') ? published.registry.canaryTrafficPercent : 100,
        machineType: target.machineType,
      },
      clients,
      ctx.log,
    );
  } finally {
    await Promise.all([clients.models.close(), clients.endpoints.close()]);
  }
}

function result(
  published: PublishResult,
  p: CoreInputs<PushSpec>['parameters'],
  vertex: VertexDeployResult | undefined,
): CoreResult<PushSpec> {
  return {
    parameters: { pushed: true, version: published.version },
    metadata: {
      pushed_model: {
        pushed: 1,
        version: published.version,
        labels: published.labels,
        pushed_destination: published.uri,
        model_name: p.model_name,
        canary_percent: published.labels.includes('canary') ? published.registry.canaryTrafficPercent : 0,
        newly_registered: published.created,
        ...(vertex
          ? {
              vertex_model: `${vertex.model}@${vertex.modelVersionId}`,
              vertex_endpoint: vertex.endpoint,
              vertex_deployed_model_id: vertex.deployedModelId,
              vertex_traffic_split: vertex.trafficSplit,
            }
          : {}),
      },
    },
  };
}
