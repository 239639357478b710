export {
  createTriggerSources,
  type SettingsContext,
  type TriggersConfig,
  type TriggersSettingsBlock,
  triggersConfigFromSettings,
} from './config.js';
export { type DriftOptions, driftSource } from './drift/drift-source.js';
export { type SkewedFeature, skewedFeatures, skewReason } from './drift/skew-decision.js';
export { latestTrainingBaseline, type TrainingBaseline } from './drift/training-baseline.js';
export { parseDuration } from './duration.js';
export type { TriggerEvent, TriggerEventInput, TriggerEventListener } from './events.js';
export { formatTriggerEvent } from './format-event.js';
export type { LaunchContext, Launcher, LaunchResult } from './launcher.js';
export type { ListenerContext, TriggerListener } from './listener.js';
export type { FinishedRun } from './loop/dispatch-runs.js';
export { newRunId } from './loop/run-id.js';
export { type RunTriggersOptions, type RunTriggersResult, runTriggers } from './loop/run-triggers.js';
export { latestRecordedSpan } from './new-data/latest-recorded-span.js';
export {
  decideNewData,
  type NewDataDecision,
  type NewDataInput,
  type NewDataState,
} from './new-data/new-data-decision.js';
export { type NewDataOptions, newDataSource } from './new-data/new-data-source.js';
export { parseSpanPattern, type SpanMatch, type SpanPattern } from './new-data/span-pattern.js';
export {
  interpretMessage,
  type MessageDecision,
  type PubSubMessageLike,
} from './pubsub/interpret-message.js';
export {
  createPubSubTriggerSource,
  type PubSubTriggerOptions,
  type PubSubTriggerSource,
  type SubscriptionLike,
} from './pubsub/pubsub-source.js';
export { type FeedbackColumns, type FileAccuracy, fileAccuracy } from './quality/feedback-accuracy.js';
export { decideQuality, type QualityDecision, type QualityThresholds } from './quality/quality-decision.js';
export { type QualityOptions, qualitySource } from './quality/quality-source.js';
export {
  decideSchedule,
  type ScheduleConfig,
  type ScheduleDecision,
  type ScheduleState,
} from './schedule/schedule-decision.js';
export { scheduleSource } from './schedule/schedule-source.js';
export type { PollContext, PollResult, TriggerFire, TriggerSource } from './source.js';
