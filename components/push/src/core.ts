import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CoreContext, CoreInputs, CoreResult, InputArtifact } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import { createStagingDir, LocalStorage, publishDir, schemeOf, storageFor } from '@ctpipe/storage';
import type { PushSpec } from './spec.js';

/**
 * TFX's Pusher. The pipeline's condition already keeps an unblessed model away; the blessing is checked here too
 * so the component is safe on its own (gate results are data: not blessed → pushed=false, not an error).
 */
export async function push(inputs: CoreInputs<PushSpec>, ctx: CoreContext): Promise<CoreResult<PushSpec>> {
  const { model, blessing, infra_blessing: infra } = inputs.artifacts;
  const { serving_base_path: base, model_name: name } = inputs.parameters;
  const reasons = notBlessedReasons(blessing, infra);
  if (reasons.length > 0) {
    ctx.log.info('not pushed', { reasons });
    return {
      parameters: { pushed: false, version: 0 },
      metadata: { pushed_model: { pushed: 0, reasons, model_name: name } },
    };
  }

  const version = await latestVersion(model.path);
  const destination =
    schemeOf(base) === undefined ? resolve(base, name, String(version)) : `${base}/${name}/${version}`;
  const storage = storageFor(destination);
  if (await alreadyPushed(storage, destination)) {
    ctx.log.info('version already in the serving base path', { destination });
  } else if (storage instanceof LocalStorage) {
    // A model server watching the base path must never see half a version: copy aside, then rename into place.
    const staging = await createStagingDir(destination);
    await storage.uploadDir(join(model.path, String(version)), staging);
    await publishDir(staging, destination);
  } else {
    // Object stores have no directory rename; TF Serving on GCS reads a version once its files are listed.
    await storage.uploadDir(join(model.path, String(version)), destination);
  }
  ctx.log.info('pushed', { destination, version });
  return {
    parameters: { pushed: true, version },
    metadata: {
      pushed_model: {
        pushed: 1,
        pushed_destination: destination,
        version,
        model_name: name,
        source: model.uri,
      },
    },
  };
}

function notBlessedReasons(blessing: InputArtifact, infra: InputArtifact | undefined): string[] {
  const reasons: string[] = [];
  if (blessing.metadata.blessed !== 1) reasons.push(`the model is not blessed by evaluate (${blessing.uri})`);
  if (infra && infra.metadata.blessed !== 1)
    reasons.push(`the model is not blessed by infra-validate (${infra.uri})`);
  return reasons;
}

/** A Model artifact holds TF Serving version folders; the pushed one is the highest. */
async function latestVersion(modelDir: string): Promise<number> {
  const entries = await readdir(modelDir, { withFileTypes: true }).catch((err: unknown) => {
    throw new CtpipeError('NOT_FOUND', `model artifact not found: ${modelDir}`, {
      details: { path: modelDir },
      cause: err,
    });
  });
  const versions = entries.filter((e) => e.isDirectory() && /^\d+$/.test(e.name)).map((e) => Number(e.name));
  if (versions.length === 0) {
    throw new CtpipeError('BAD_INPUT', 'the model artifact has no numeric version folder', {
      details: { path: modelDir, expected: '<model>/<version>/model.json' },
    });
  }
  return Math.max(...versions);
}

async function alreadyPushed(storage: ReturnType<typeof storageFor>, destination: string): Promise<boolean> {
  return storage.exists(`${destination}/model.json`);
}
