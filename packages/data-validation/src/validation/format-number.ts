/**
 * Number formatting as TFDV's C++ writes it into anomaly descriptions, so messages read the same:
 * absl::SixDigits / StrCat(double) behave like printf("%g"), StrFormat("%f") like toFixed(6).
 */
export function sixDigits(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const [mantissa = '0', exponentText = '0'] = x.toExponential(5).split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${stripZeros(mantissa)}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return stripZeros(x.toFixed(5 - exponent));
}

export function fixed6(x: number): string {
  return x.toFixed(6);
}

function stripZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
