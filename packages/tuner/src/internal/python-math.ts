/**
 * The few places where Keras Tuner's arithmetic differs from the obvious JavaScript: Python's float `//`
 * (1.0 // 0.1 == 9.0, so Float(0, 1, step=0.1) has 10 values, not 11) and `math.log(x, base)`, which on
 * glibc is exact for integer powers (math.log(9, 3) == 2.0) where V8's Math.log ratio overshoots.
 */

/** CPython's float floor division (float_divmod), exact where Math.floor(a / b) rounds up. */
export function pyFloorDiv(a: number, b: number): number {
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return 0;
  const floorDiv = Math.floor(div);
  return div - floorDiv > 0.5 ? floorDiv + 1 : floorDiv;
}

/** log_base(x); exact integer when x is an integer power of an integer base. */
export function logBase(x: number, base: number): number {
  if (Number.isInteger(x) && Number.isInteger(base) && base > 1 && x >= 1) {
    let power = 1;
    let exponent = 0;
    while (power < x) {
      power *= base;
      exponent++;
    }
    if (power === x) return exponent;
  }
  return Math.log(x) / Math.log(base);
}
