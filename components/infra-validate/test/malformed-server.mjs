// A serving runtime that answers every instance with probabilities that do not sum to 1.
const signature = {
  signature_name: 'serving_default',
  method_name: 'tensorflow/serving/predict',
  inputs: { Island: { dtype: 'DT_STRING', shape: [-1], raw_type: 'string' } },
  outputs: {},
  task: { kind: 'classification', label_vocabulary: ['Adelie', 'Chinstrap', 'Gentoo'] },
};
process.send({ type: 'ready', version: 1, backend: 'fake', signature });
process.on('message', (message) => {
  const { instances } = JSON.parse(message.body);
  const predictions = instances.map(() => ({ probabilities: [0.5, 0.4, 0.4], classes: 'Adelie' }));
  process.send({ type: 'answer', id: message.id, status: 200, body: JSON.stringify({ predictions }) });
});
process.on('disconnect', () => process.exit(0));
