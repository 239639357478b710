import type { MetadataStore } from '@ctpipe/metadata';
import type { TriggerEventInput } from '../events.js';
import type { TriggerSource } from '../source.js';

export interface PollDeps {
  store: MetadataStore;
  pipelineName: string;
  now: () => Date;
  emit: (event: TriggerEventInput) => void;
}

/**
 * One round over the sources: each source's fires are queued (persistently) before its new state is saved, so a
 * crash in between fires again rather than loses a run (the dedupe key keeps a pending one single). A failing
 * source is reported and the others still run.
 */
export async function pollSources(
  sources: readonly TriggerSource[],
  deps: PollDeps,
  lastSkips: Map<string, string>,
) {
  const { store, pipelineName, emit } = deps;
  for (const source of sources) {
    try {
      const state = await store.getTriggerState(pipelineName, source.name);
      const result = await source.poll({ store, pipelineName, now: deps.now(), state });
      // A source waiting for the same thing says so once, not every poll.
      const skips = result.skipped.join('\n');
      if (skips !== (lastSkips.get(source.name) ?? '')) {
        for (const reason of result.skipped) emit({ type: 'skipped', source: source.name, reason });
      }
      lastSkips.set(source.name, skips);
      for (const fire of result.fired) {
        emit({ type: 'fired', source: source.name, ...fire });
        const { request, created } = await store.enqueueRunRequest({ pipelineName, ...fire });
        emit({
          type: 'queued',
          requestId: request.id,
          trigger: request.trigger,
          reason: request.reason,
          duplicate: !created,
        });
      }
      await store.setTriggerState(pipelineName, source.name, result.state);
    } catch (err) {
      emit({ type: 'error', source: source.name, message: err instanceof Error ? err.message : String(err) });
    }
  }
}
