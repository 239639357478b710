// A serving runtime that loads "a model" at once, then dies on the first request.
const signature = {
  signature_name: 'serving_default',
  method_name: 'tensorflow/serving/predict',
  inputs: { Island: { dtype: 'DT_STRING', shape: [-1], raw_type: 'string' } },
  outputs: {},
  task: { kind: 'classification', label_vocabulary: ['Adelie', 'Chinstrap', 'Gentoo'] },
};
process.send({ type: 'ready', version: 1, backend: 'fake', signature });
process.on('message', () => {
  process.stderr.write('Segmentation fault in the model kernel\n');
  process.exit(3);
});
process.on('disconnect', () => process.exit(0));
