import { CtpipeError } from '@ctpipe/errors';

/**
 * What one `definePipeline` call owns: the names handed out so far and whether the pipeline is finished.
 * Refs and tasks carry their scope so wiring across two pipelines is caught instead of compiled wrong.
 */
export class PipelineScope {
  readonly taskNames = new Set<string>();
  private groupCount = 0;
  private sealed = false;

  constructor(readonly pipelineName: string) {}

  /** KFP numbers every control-flow group pipeline-wide, in the order they are opened: condition-1, -2 … */
  nextGroupId(): number {
    this.groupCount += 1;
    return this.groupCount;
  }

  seal(): void {
    this.sealed = true;
  }

  assertOpen(action: string): void {
    if (this.sealed) {
      throw new CtpipeError(
        'BAD_CONFIG',
        `Cannot ${action}: pipeline '${this.pipelineName}' is already defined; change it inside its definePipeline body`,
        { details: { pipeline: this.pipelineName } },
      );
    }
  }
}
