// The benchmark's model module: 2 dense layers of 64 (units fixed so every trial costs the same), tuned learning
// rate. Plain JavaScript: trial processes import it as the train component imports any built module_file.
export const model = {
  searchSpace(hp) {
    hp.Fixed('units', 64);
    hp.Float('learning_rate', 1e-4, 1e-2, { sampling: 'log' });
  },
  buildModel(hp, shape, tf) {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: hp.units, activation: 'relu', inputShape: [shape.featureCount] }),
        tf.layers.dense({ units: hp.units, activation: 'relu' }),
        tf.layers.dense({ units: shape.task.classes, activation: 'softmax' }),
      ],
    });
    model.compile({ optimizer: tf.train.adam(hp.learning_rate), loss: 'sparseCategoricalCrossentropy' });
    return model;
  },
  objective: { name: 'val_accuracy', direction: 'max' },
  training: { epochs: 1, batchSize: 256, earlyStoppingPatience: 0 },
};
