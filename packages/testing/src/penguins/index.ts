export { writePenguinExamples, writeRawPenguins } from './penguin-examples.js';
export { penguinsJsonPath } from './penguins-json.js';
