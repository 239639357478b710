// The penguins' preprocessing (TFX penguin tutorial style), the transform component's module_file once built
// (dist/preprocessing.js). Keep the imports to @ctpipe/preprocessing: the module is loaded inside the container.
import {
  classLabel,
  definePreprocessing,
  fillMissing,
  numeric,
  oneHot,
  vocabulary,
  zScore,
} from '@ctpipe/preprocessing';

export const preprocessing = definePreprocessing({
  features: {
    beak_length: numeric('Beak Length (mm)', fillMissing('mean'), zScore()),
    beak_depth: numeric('Beak Depth (mm)', fillMissing('mean'), zScore()),
    flipper_length: numeric('Flipper Length (mm)', fillMissing('mean'), zScore()),
    body_mass: numeric('Body Mass (g)', fillMissing('mean'), zScore()),
    island: oneHot(vocabulary('Island', { oovBuckets: 1 })),
    // Sex is missing for a few birds and '.' for one: with a threshold of 5, both land in the OOV bucket
    // instead of the single '.' getting a column of its own.
    sex: oneHot(vocabulary('Sex', { frequencyThreshold: 5, oovBuckets: 1 })),
  },
  label: classLabel('Species'),
});
