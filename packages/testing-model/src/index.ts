export { penguinsPreprocessing } from './penguins-preprocessing.js';
export { tinyModule } from './tiny-module.js';
export { trainPenguinsModel } from './train-penguins-model.js';
