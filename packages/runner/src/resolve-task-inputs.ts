import { CtpipeError } from '@ctpipe/errors';
import type { ComponentSpec, JsonValue, PipelineTaskSpec } from '@ctpipe/ir';
import type { ArtifactRef, TaskOutcome } from './runtime-artifact.js';

/** The values visible inside one DAG: its own inputs and the outcomes of its tasks so far. */
export interface DagScope {
  parameters: Record<string, JsonValue>;
  artifacts: Record<string, ArtifactRef[]>;
  outcomes: Map<string, TaskOutcome>;
}

export interface ResolvedInputs {
  parameters: Record<string, JsonValue>;
  artifacts: Record<string, ArtifactRef[]>;
}

/** Resolves a task's inputs against its scope, as the KFP driver does before launching the executor. */
export function resolveTaskInputs(
  taskName: string,
  task: PipelineTaskSpec,
  component: ComponentSpec,
  scope: DagScope,
) {
  const parameters: Record<string, JsonValue> = {};
  for (const [name, spec] of Object.entries(task.inputs?.parameters ?? {})) {
    let value: JsonValue | undefined;
    if ('componentInputParameter' in spec) {
      value = scope.parameters[spec.componentInputParameter];
    } else if ('taskOutputParameter' in spec) {
      const { producerTask, outputParameterKey } = spec.taskOutputParameter;
      value = scope.outcomes.get(producerTask)?.outputParameters[outputParameterKey];
    } else if ('runtimeValue' in spec) {
      value = spec.runtimeValue.constant;
    } else {
      throw new CtpipeError(
        'UNSUPPORTED',
        `task '${taskName}': input '${name}' uses a kind the local runner lacks`,
        {
          details: { found: Object.keys(spec).join(',') },
        },
      );
    }
    if (value !== undefined) parameters[name] = value;
  }
  // KFP's driver resolves f-string constants against the task's other inputs after they are known.
  for (const [name, value] of Object.entries(parameters)) {
    if (typeof value === 'string' && value.includes('{{$.inputs.parameters[')) {
      parameters[name] = value.replace(/\{\{\$\.inputs\.parameters\['([^']+)'\]\}\}/g, (_, key: string) => {
        const v = parameters[key];
        return typeof v === 'string' ? v : JSON.stringify(v);
      });
    }
  }
  for (const [name, def] of Object.entries(component.inputDefinitions?.parameters ?? {})) {
    if (parameters[name] === undefined && def.defaultValue !== undefined) parameters[name] = def.defaultValue;
    if (parameters[name] === undefined && !def.isOptional) {
      throw new CtpipeError(
        'BAD_CONFIG',
        `task '${taskName}': required input parameter '${name}' has no value`,
        {
          details: { path: `inputs.parameters.${name}` },
        },
      );
    }
  }

  const artifacts: Record<string, ArtifactRef[]> = {};
  for (const [name, spec] of Object.entries(task.inputs?.artifacts ?? {})) {
    const refs =
      'taskOutputArtifact' in spec
        ? scope.outcomes.get(spec.taskOutputArtifact.producerTask)?.outputArtifacts[
            spec.taskOutputArtifact.outputArtifactKey
          ]
        : scope.artifacts[spec.componentInputArtifact];
    // A resolver that found nothing leaves an optional input unset, as KFP does.
    if (refs && refs.length > 0) artifacts[name] = refs;
  }
  for (const [name, def] of Object.entries(component.inputDefinitions?.artifacts ?? {})) {
    if (!artifacts[name] && !def.isOptional) {
      throw new CtpipeError('BAD_CONFIG', `task '${taskName}': input artifact '${name}' has no producer`, {
        details: { path: `inputs.artifacts.${name}` },
      });
    }
  }
  return { parameters, artifacts } satisfies ResolvedInputs;
}

/** Every task this one waits for: its explicit dependentTasks and the producers of its inputs. */
export function upstreamOf(task: PipelineTaskSpec): string[] {
  const names = new Set(task.dependentTasks ?? []);
  for (const p of Object.values(task.inputs?.parameters ?? {})) {
    if ('taskOutputParameter' in p) names.add(p.taskOutputParameter.producerTask);
    if ('taskFinalStatus' in p) names.add(p.taskFinalStatus.producerTask);
  }
  for (const a of Object.values(task.inputs?.artifacts ?? {})) {
    if ('taskOutputArtifact' in a) names.add(a.taskOutputArtifact.producerTask);
  }
  return [...names];
}
