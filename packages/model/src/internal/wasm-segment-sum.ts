import * as tf from '@tensorflow/tfjs';

/** The parts of tfjs-backend-wasm's BackendWasm a JS kernel uses (the kernel API types backends as `{}`). */
interface WasmBackend {
  readSync(dataId: object): tf.backend_util.BackendValues;
  makeOutput(
    shape: number[],
    dtype: tf.DataType,
    memoryOffset?: number,
    values?: tf.TypedArray,
  ): tf.TensorInfo;
}

/**
 * tfjs-backend-wasm 4.22 has no UnsortedSegmentSum kernel, which the gradient of Gather needs, so an Embedding
 * layer cannot train on wasm. This registers a plain JS one (TF semantics: x's leading dims are segmented by
 * `segmentIds`, ids outside [0, numSegments) are dropped); Embedding gradients are small, so JS speed is fine.
 */
export function registerWasmSegmentSum(): void {
  if (tf.getKernel('UnsortedSegmentSum', 'wasm') !== undefined) return;
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const wasm = backend as WasmBackend;
      const x = inputs.x as tf.TensorInfo;
      const segmentIds = inputs.segmentIds as tf.TensorInfo;
      const numSegments = Number(attrs?.numSegments);
      const values = wasm.readSync(x.dataId) as tf.TypedArray;
      const ids = wasm.readSync(segmentIds.dataId) as tf.TypedArray;
      const inner = ids.length === 0 ? 0 : values.length / ids.length;
      const outShape = [numSegments, ...x.shape.slice(segmentIds.shape.length)];
      const out =
        x.dtype === 'int32' ? new Int32Array(numSegments * inner) : new Float32Array(numSegments * inner);
      for (let i = 0; i < ids.length; i++) {
        const segment = ids[i]!;
        if (segment < 0 || segment >= numSegments) continue;
        for (let j = 0; j < inner; j++) out[segment * inner + j]! += values[i * inner + j]!;
      }
      return wasm.makeOutput(outShape, x.dtype, undefined, out);
    },
  });
}
