/** One way a pipeline.json departs from the proto or from what its references require. */
export interface PipelineSpecProblem {
  /** Where: `root.dag.tasks.train.inputs.parameters.lr`, `deploymentSpec.executors.exec-train.container.args[2]`. */
  path: string;
  message: string;
}

export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const segment = /^[A-Za-z_][\w-]*$/.test(key) ? key : JSON.stringify(key);
  if (path === '') return segment;
  return /^[A-Za-z_]/.test(segment) ? `${path}.${segment}` : `${path}[${segment}]`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
