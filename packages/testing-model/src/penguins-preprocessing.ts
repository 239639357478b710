import {
  classLabel,
  definePreprocessing,
  fillMissing,
  numeric,
  oneHot,
  regressionLabel,
  vocabulary,
  zScore,
} from '@ctpipe/preprocessing';

const features = {
  beak_length: numeric('Beak Length (mm)', fillMissing('mean'), zScore()),
  beak_depth: numeric('Beak Depth (mm)', fillMissing('mean'), zScore()),
  flipper_length: numeric('Flipper Length (mm)', fillMissing('mean'), zScore()),
  island: oneHot(vocabulary('Island', { oovBuckets: 1 })),
  sex: oneHot(vocabulary('Sex', { frequencyThreshold: 5, oovBuckets: 1 })),
};

/** Species from every measurement (the pipeline's model), or body mass from the others (a regressor). */
export const penguinsPreprocessing = {
  species: definePreprocessing({
    features: { ...features, body_mass: numeric('Body Mass (g)', fillMissing('mean'), zScore()) },
    label: classLabel('Species'),
  }),
  body_mass: definePreprocessing({
    features,
    label: regressionLabel('Body Mass (g)', { scale: 'zScore' }),
  }),
};
