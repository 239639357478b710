import type { CreatePipelineJobRequest, PipelineJob, VertexPipelineClients } from '@ctpipe/vertex';

export interface FakeVertexClients {
  readonly clients: VertexPipelineClients;
  /** The create requests sent, in order. */
  readonly created: CreatePipelineJobRequest[];
  closed(): boolean;
}

/**
 * A PipelineService fake: records each create request and answers getPipelineJob with the next of
 * `states` (consumed in order; running out is an error, so a test notices extra polling).
 */
export function fakeClients(states: PipelineJob[]): FakeVertexClients {
  const created: CreatePipelineJobRequest[] = [];
  let closed = false;
  const clients: VertexPipelineClients = {
    pipelines: {
      async createPipelineJob(request) {
        created.push(request);
        return [{ name: `${request.parent}/pipelineJobs/${request.pipelineJobId}` }];
      },
      async getPipelineJob() {
        const next = states.shift();
        if (!next) throw new Error('no more states');
        return [next];
      },
    },
    schedules: {
      async createSchedule() {
        throw new Error('not used');
      },
    },
    close: async () => {
      closed = true;
    },
  };
  return { clients, created, closed: () => closed };
}
