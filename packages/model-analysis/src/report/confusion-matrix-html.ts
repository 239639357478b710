import { type Html, html } from '@ctpipe/html';

/** Rows = true class, columns = predicted; cells shaded by their share of the row (recall on the diagonal). */
export function confusionMatrixHtml(matrix: number[][], classes: readonly string[]): Html {
  const rows = matrix.map((row, t) => {
    const total = row.reduce((a, b) => a + b, 0);
    const cells = row.map((count, p) => {
      const share = total > 0 ? count / total : 0;
      const hue = t === p ? '0, 114, 178' : '213, 94, 0';
      const style = `background: rgba(${hue}, ${(share * 0.6).toFixed(3)})`;
      return html`<td style="${style}" title="${share > 0 ? `${(share * 100).toFixed(1)}% of ${classes[t]}` : ''}">${count}</td>`;
    });
    return html`<tr><th>${classes[t]}</th>${cells}<td class="muted">${total}</td></tr>`;
  });
  return html`<div class="wrap"><table class="cm"><thead><tr><th class="corner">true ↓ / predicted →</th>${classes.map(
    (c) => html`<th>${c}</th>`,
  )}<th class="corner">total</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
