import type { ModelModule } from '@ctpipe/model';

/** An 8-unit dense net: softmax over the classes, or one linear output for a regression label. */
export const tinyModule: ModelModule = {
  searchSpace() {},
  buildModel(hp, shape, tf) {
    const classes = shape.task.kind === 'classification' ? shape.task.classes : 1;
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 8, activation: 'relu', inputShape: [shape.featureCount] }),
        tf.layers.dense({
          units: classes,
          activation: shape.task.kind === 'classification' ? 'softmax' : 'linear',
        }),
      ],
    });
    model.compile({
      optimizer: tf.train.adam(Number(hp.learning_rate)),
      loss: shape.task.kind === 'classification' ? 'sparseCategoricalCrossentropy' : 'meanSquaredError',
    });
    return model;
  },
  objective: { name: 'val_accuracy', direction: 'max' },
  training: { epochs: 30, batchSize: 16, earlyStoppingPatience: 0 },
};
