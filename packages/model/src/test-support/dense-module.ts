import type { ModelModule } from '../module-contract.js';

/** A small classifier with every source of randomness tf.js has in dense models: initializers, dropout. */
export const denseModule: ModelModule = {
  searchSpace(hp) {
    hp.Int('units', 4, 16, { step: 4 });
    hp.Float('learning_rate', 1e-3, 1e-1, { sampling: 'log' });
  },
  buildModel(hp, shape, tf) {
    const classes = shape.task.kind === 'classification' ? shape.task.classes : 1;
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: Number(hp.units), activation: 'relu', inputShape: [shape.featureCount] }),
        tf.layers.batchNormalization(),
        tf.layers.dropout({ rate: 0.2 }),
        tf.layers.dense({
          units: classes,
          activation: shape.task.kind === 'classification' ? 'softmax' : 'linear',
        }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(Number(hp.learning_rate)), loss: 'categoricalCrossentropy' });
    return model;
  },
  objective: { name: 'val_accuracy', direction: 'max' },
  training: { epochs: 5, batchSize: 16, earlyStoppingPatience: 3 },
};
