/** A minimal inline SVG line chart: one or more series over epochs, axes with min/max ticks, a legend. */
export interface Series {
  label: string;
  values: readonly number[];
  color: string;
}

const WIDTH = 480;
const HEIGHT = 260;
const PAD = { left: 56, right: 16, top: 28, bottom: 36 };

export function lineChartSvg(title: string, series: readonly Series[]): string {
  const finite = series.flatMap((s) => s.values.filter(Number.isFinite));
  const epochs = Math.max(1, ...series.map((s) => s.values.length));
  let lo = finite.length > 0 ? Math.min(...finite) : 0;
  let hi = finite.length > 0 ? Math.max(...finite) : 1;
  if (hi === lo) {
    lo -= 0.5;
    hi += 0.5;
  }
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (epoch: number) => PAD.left + (epochs === 1 ? plotW / 2 : (epoch / (epochs - 1)) * plotW);
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * plotH;
  const lines = series.map((s) => {
    const points = s.values
      .map((v, i) => (Number.isFinite(v) ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : undefined))
      .filter((p) => p !== undefined);
    const dots = points.map((p) => {
      const [cx, cy] = p.split(',');
      return `<circle cx="${cx}" cy="${cy}" r="2.5" fill="${s.color}"/>`;
    });
    return `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${points.join(' ')}"/>${dots.join('')}`;
  });
  const legend = series.map(
    (s, i) =>
      `<rect x="${PAD.left + i * 110}" y="8" width="12" height="12" fill="${s.color}"/>` +
      `<text x="${PAD.left + i * 110 + 16}" y="18">${escapeXml(s.label)}</text>`,
  );
  const axes =
    `<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${PAD.left + plotW}" y2="${PAD.top + plotH}" stroke="#888"/>` +
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + plotH}" stroke="#888"/>` +
    `<text x="${PAD.left - 6}" y="${y(hi) + 4}" text-anchor="end">${formatTick(hi)}</text>` +
    `<text x="${PAD.left - 6}" y="${y(lo) + 4}" text-anchor="end">${formatTick(lo)}</text>` +
    `<text x="${x(0)}" y="${HEIGHT - 18}" text-anchor="middle">1</text>` +
    `<text x="${x(epochs - 1)}" y="${HEIGHT - 18}" text-anchor="middle">${epochs}</text>` +
    `<text x="${PAD.left + plotW / 2}" y="${HEIGHT - 4}" text-anchor="middle">epoch</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" ` +
    `font-family="sans-serif" font-size="11" role="img" aria-label="${escapeXml(title)}">` +
    `<title>${escapeXml(title)}</title>${axes}${lines.join('')}${legend.join('')}</svg>`
  );
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function formatTick(v: number): string {
  return Math.abs(v) >= 100 || v === 0 ? v.toFixed(0) : v.toPrecision(3);
}
