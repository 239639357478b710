import type { ModelModule } from '@ctpipe/model';

/**
 * The penguins species classifier (TFX's penguin example, Keras style): a stack of dense layers over the
 * transformed features, tuned by the train component. Edit freely; the train component imports the built
 * file (dist/model.js) named by the pipeline's `module_file` parameter.
 */
export const model: ModelModule = {
  searchSpace(hp) {
    hp.Int('num_layers', 1, 3);
    hp.Int('units', 8, 64, { step: 8 });
    hp.Float('dropout', 0, 0.5, { step: 0.1 });
    hp.Float('learning_rate', 1e-3, 1e-1, { sampling: 'log' });
  },

  buildModel(hp, shape, tf) {
    const classes = shape.task.kind === 'classification' ? shape.task.classes : 0;
    const model = tf.sequential();
    for (let i = 0; i < Number(hp.num_layers); i++) {
      model.add(
        tf.layers.dense({
          units: Number(hp.units),
          activation: 'relu',
          ...(i === 0 ? { inputShape: [shape.featureCount] } : {}),
        }),
      );
      if (Number(hp.dropout) > 0) model.add(tf.layers.dropout({ rate: Number(hp.dropout) }));
    }
    // Class probabilities for species; the same stack also fits a regression label (one linear unit).
    model.add(tf.layers.dense({ units: classes || 1, activation: classes ? 'softmax' : 'linear' }));
    model.compile({
      optimizer: tf.train.adam(Number(hp.learning_rate)),
      loss: classes ? 'sparseCategoricalCrossentropy' : 'meanSquaredError',
    });
    return model;
  },

  objective: { name: 'val_accuracy', direction: 'max' },
  training: { epochs: 40, batchSize: 16, earlyStoppingPatience: 8 },
};
