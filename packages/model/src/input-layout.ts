import { CtpipeError } from '@ctpipe/errors';
import type * as tfjs from '@tensorflow/tfjs';
import { type ModelInput, modelInputs } from './model-inputs.js';
import type { ModelShape } from './module-contract.js';

/** Transformed rows as the TransformGraph's apply returns them (and the train component reads them). */
export interface TransformedRows {
  n: number;
  /** Dense features, n × featureCount, row-major. */
  features: Float32Array;
  /** One id per row for each `index` feature. */
  indices?: Readonly<Record<string, Int32Array>>;
}

/**
 * The model inputs a model was built with: the dense matrix alone (a model that ignores index features), or
 * all of `modelInputs(shape)`. Checked against the model once, before training or serving.
 */
export type InputLayout = readonly ModelInput[];

export function inputLayout(model: tfjs.LayersModel, shape: ModelShape): InputLayout {
  const widths = model.inputs.map((input) => (input.shape.length === 2 ? input.shape[1] : undefined));
  const all = modelInputs(shape);
  const dense = all.filter((i) => i.kind === 'dense');
  for (const candidate of [all, dense]) {
    if (candidate.length === widths.length && candidate.every((input, i) => widths[i] === input.width)) {
      return candidate;
    }
  }
  throw new CtpipeError(
    'BAD_CONFIG',
    'the model inputs fit neither the dense features nor modelInputs(shape); build them with inputLayers()',
    {
      details: {
        expected: `[batch, ${shape.featureCount}] or ${all.map((i) => `${i.name}[batch, ${i.width}]`).join(', ')}`,
        found: model.inputs.map((i) => `[${i.shape.map((d) => d ?? 'batch').join(', ')}]`).join(', '),
      },
    },
  );
}

/** Copies the given rows into one Float32Array per model input (embeddings take float ids too). */
export function gatherInputs(
  layout: InputLayout,
  data: TransformedRows,
  rows: ArrayLike<number>,
): Float32Array[] {
  return layout.map((input) => {
    const out = new Float32Array(rows.length * input.width);
    if (input.kind === 'dense') {
      const w = input.width;
      for (let r = 0; r < rows.length; r++) {
        const base = rows[r]! * w;
        out.set(data.features.subarray(base, base + w), r * w);
      }
      return out;
    }
    const ids = data.indices?.[input.feature];
    if (!ids) {
      throw new CtpipeError('BAD_INPUT', `the transformed data lack the index feature '${input.feature}'`, {
        details: { column: input.feature, expected: 'an id per row' },
      });
    }
    for (let r = 0; r < rows.length; r++) out[r] = ids[rows[r]!]!;
    return out;
  });
}
