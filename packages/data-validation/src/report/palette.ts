/** Distinct, colour-blind-friendly hues (Okabe–Ito), one per dataset, in dataset order. */
const COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];

export function datasetColor(index: number): string {
  return COLORS[index % COLORS.length]!;
}
