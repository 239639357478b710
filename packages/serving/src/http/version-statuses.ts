import { CtpipeError } from '@ctpipe/errors';
import type { ModelService } from '../model-service.js';
import type { VersionStatus } from '../models/model-versions.js';
import type { Selector } from './route.js';

/**
 * GET /v1/models/{m}[/versions/{v}|/labels/{l}]: every known version, or the one named, with TF Serving's
 * errors — NOT_FOUND for an unknown model or version, INVALID_ARGUMENT for an unknown label.
 */
export function versionStatuses(service: ModelService, model: string, selector: Selector): VersionStatus[] {
  const all = service.versions.statuses();
  if (model !== service.name || all.length === 0) throw modelNotFound(model);
  if (selector.kind === 'default') return all;
  const version = selector.kind === 'label' ? service.versionOfLabel(selector.label) : selector.version;
  const status = all.find((s) => s.version === version);
  if (!status) {
    throw new CtpipeError('NOT_FOUND', `Could not find version ${version} of model ${model}`, {
      details: { model, version },
    });
  }
  return [status];
}

export function modelNotFound(model: string): CtpipeError {
  return new CtpipeError('NOT_FOUND', `Could not find any versions of model ${model}`, {
    details: { model },
  });
}
