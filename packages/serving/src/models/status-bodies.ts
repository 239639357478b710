import type { ServingSignature, TensorInfo } from '@ctpipe/model';
import type { VersionStatus } from './model-versions.js';

/** GET /v1/models/{m}: TF Serving's GetModelStatusResponse in JSON (snake_case, int64 as strings). */
export function modelStatusBody(statuses: readonly VersionStatus[]): string {
  return JSON.stringify({
    model_version_status: statuses.map((s) => ({
      version: String(s.version),
      state: s.state,
      status: { error_code: s.error?.code ?? 'OK', error_message: s.error?.message ?? '' },
    })),
  });
}

/**
 * GET /v1/models/{m}/metadata: TF Serving's GetModelMetadataResponse with the `signature_def` metadata: the
 * RAW input features (what a client sends; the TransformGraph inside the model does the rest) and outputs.
 */
export function modelMetadataBody(model: string, version: number, signature: ServingSignature): string {
  return JSON.stringify({
    model_spec: { name: model, signature_name: '', version: String(version) },
    metadata: {
      signature_def: {
        signature_def: {
          [signature.signature_name]: {
            inputs: tensorInfos(signature.inputs),
            outputs: tensorInfos(signature.outputs),
            method_name: signature.method_name,
          },
        },
      },
    },
  });
}

function tensorInfos(infos: Readonly<Record<string, TensorInfo>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(infos).map(([name, info]) => [
      name,
      {
        dtype: info.dtype,
        tensor_shape: {
          dim: info.shape.map((size) => ({ size: String(size), name: '' })),
          unknown_rank: false,
        },
        name,
      },
    ]),
  );
}
