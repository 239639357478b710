import type { InputArtifact } from '@ctpipe/contract';

/** Why the model may not be pushed; empty when evaluate (and infra-validate, when given) blessed it. */
export function notBlessedReasons(blessing: InputArtifact, infra: InputArtifact | undefined): string[] {
  const reasons: string[] = [];
  if (blessing.metadata.blessed !== 1) reasons.push(`the model is not blessed by evaluate (${blessing.uri})`);
  if (infra && infra.metadata.blessed !== 1)
    reasons.push(`the model is not blessed by infra-validate (${infra.uri})`);
  return reasons;
}
