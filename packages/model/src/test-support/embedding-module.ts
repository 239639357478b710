import { inputLayers } from '../model-inputs.js';
import type { ModelModule } from '../module-contract.js';

/** A functional model over every transformed feature: dense columns plus an embedding per index feature. */
export const embeddingModule: ModelModule = {
  searchSpace(hp) {
    hp.Int('units', 8, 32, { step: 8 });
  },
  buildModel(hp, shape, tf) {
    const classes = shape.task.kind === 'classification' ? shape.task.classes : 1;
    const { inputs, merged } = inputLayers(shape, tf, { embeddingDim: 2 });
    let x = tf.layers.dense({ units: Number(hp.units), activation: 'relu' }).apply(merged);
    x = tf.layers.batchNormalization().apply(x);
    x = tf.layers.dropout({ rate: 0.1 }).apply(x);
    const outputs = tf.layers.dense({ units: classes, activation: 'softmax' }).apply(x);
    const model = tf.model({ inputs, outputs: outputs as ReturnType<typeof tf.input> });
    model.compile({ optimizer: tf.train.adam(0.05), loss: 'sparseCategoricalCrossentropy' });
    return model;
  },
  objective: { name: 'val_loss', direction: 'min' },
  training: { epochs: 8, batchSize: 16, earlyStoppingPatience: 0 },
};
