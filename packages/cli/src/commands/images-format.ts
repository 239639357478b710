import type { ImagePlan } from '@ctpipe/release';

const VERB = { build: 'BUILD', retag: 'RETAG', present: 'OK' } as const;

/** The plan as a person reads it on a terminal: one line per component, then the totals. */
export function formatImagePlan(plan: ImagePlan): string {
  const lines = [
    `image plan for ${plan.registry}/<component>:${plan.commitTag}`,
    `  git: ${plan.history}`,
    `  registry: ${plan.registryChecked ? 'checked' : 'not checked (offline)'}`,
  ];
  const width = Math.max(...plan.images.map((i) => i.component.length));
  for (const image of plan.images) {
    lines.push(
      `  ${VERB[image.action].padEnd(5)} ${image.component.padEnd(width)}  ${image.contentTag}  ${image.reason}`,
    );
  }
  const count = (a: string) => plan.images.filter((i) => i.action === a).length;
  lines.push(`  ${count('build')} to build, ${count('retag')} to re-tag, ${count('present')} already tagged`);
  return `${lines.join('\n')}\n`;
}
