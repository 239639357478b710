import { openEngine } from '@ctpipe/data';
import type { TriggerSource } from '../source.js';
import { type FeedbackColumns, feedbackFiles, fileAccuracy } from './feedback-accuracy.js';
import { decideQuality, type QualityThresholds } from './quality-decision.js';

export interface QualityOptions extends FeedbackColumns, QualityThresholds {
  /** A labelled feedback file, folder or glob (absolute, or gs:// through /gcs/). */
  feedback: string;
}

/**
 * Accuracy of served predictions on feedback rows not checked yet (per file, the row count already judged is
 * remembered). Too few new rows wait for more; once judged they are not judged again.
 */
export function qualitySource(options: QualityOptions): TriggerSource {
  return {
    name: 'quality',
    async poll({ state }) {
      const checked: Record<string, number> = {};
      const previous = state?.checked;
      if (previous !== null && typeof previous === 'object' && !Array.isArray(previous)) {
        for (const [file, rows] of Object.entries(previous))
          if (typeof rows === 'number') checked[file] = rows;
      }
      const files = await feedbackFiles(options.feedback);
      if (files.length === 0) return { fired: [], skipped: [], state: { checked } };
      const engine = await openEngine();
      const counts = [];
      try {
        for (const file of files) counts.push(await fileAccuracy(engine, file, options, checked[file] ?? 0));
      } finally {
        await engine.close();
      }
      const examples = counts.reduce((n, c) => n + c.examples, 0);
      const correct = counts.reduce((n, c) => n + c.correct, 0);
      if (examples === 0) return { fired: [], skipped: [], state: { checked } };
      const decision = decideQuality(examples, correct, options);
      const next = decision.judged ? Object.fromEntries(counts.map((c) => [c.file, c.rows])) : checked;
      return {
        fired: decision.fire ? [decision.fire] : [],
        skipped: decision.fire ? [] : [decision.note],
        state: { checked: next },
      };
    },
  };
}
