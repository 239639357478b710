import type { TriggerFire } from '../source.js';

export interface QualityThresholds {
  minAccuracy: number;
  minExamples: number;
}

export interface QualityDecision {
  /** Whether the rows were judged (and so are now checked); false means keep accumulating. */
  judged: boolean;
  fire?: TriggerFire;
  note: string;
}

/** Model-quality degradation: accuracy over the newly labelled rows, once there are enough of them. */
export function decideQuality(examples: number, correct: number, t: QualityThresholds): QualityDecision {
  if (examples < t.minExamples) {
    return {
      judged: false,
      note: `quality: ${examples} new labelled example(s), waiting for min_examples ${t.minExamples}`,
    };
  }
  const accuracy = correct / examples;
  const numbers = `accuracy ${round(accuracy)} (${correct}/${examples} correct)`;
  if (accuracy >= t.minAccuracy) {
    return { judged: true, note: `quality: ${numbers} ≥ min_accuracy ${t.minAccuracy}` };
  }
  return {
    judged: true,
    note: `quality: ${numbers} < min_accuracy ${t.minAccuracy}`,
    fire: {
      trigger: 'quality',
      reason: `quality: ${numbers} on new feedback < min_accuracy ${t.minAccuracy}`,
      parameters: {},
      dedupeKey: 'quality',
    },
  };
}

function round(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
