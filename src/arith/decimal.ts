/**
 * A decimal.js constructor for the number layer's own arithmetic. The project's global `Decimal` keeps decimal.js'
 * default precision (20 significant digits), which add/sub/mul/div round to; sums of long money columns and ratios
 * checked against a half-up boundary need more. Instances share Decimal's prototype, so they are ordinary `Decimal`s
 * to every caller (and keep the higher precision in further arithmetic).
 */
import Decimal from 'decimal.js';

export const Exact = Decimal.clone({ precision: 100, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -7, toExpPos: 21 });

/** Copy a Decimal (any constructor) into the high-precision constructor, digits unchanged. */
export function exact(x: Decimal.Value): Decimal {
  return new Exact(x);
}
