/**
 * Standard normal distribution and the error functions behind it, accurate to a few ulps in both tails.
 *
 * erfc and erfcx use W. J. Cody's near-minimax rational approximations ("Rational Chebyshev approximations for the
 * error function", Math. Comp. 23 (1969) 631-638; netlib specfun CALERF), which are good to ~18 significant digits;
 * the inverse CDF uses Wichura's AS241 (PPND16, Appl. Statist. 37 (1988) 477-484), good to ~1e-16 relative.
 */

const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.398942280401432677939946059934; // 1/sqrt(2 pi)
const INV_SQRT_PI = 0.564189583547756286948079451561; // 1/sqrt(pi)

// Cody's coefficients: erf on |x| <= 0.46875 (A/B), erfc on (0.46875, 4] (C/D), erfc on (4, inf) in 1/x^2 (P/Q).
const A0 = 3.1611237438705656, A1 = 113.864154151050156, A2 = 377.485237685302021, A3 = 3209.37758913846947;
const A4 = 0.185777706184603153;
const B0 = 23.6012909523441209, B1 = 244.024637934444173, B2 = 1282.61652607737228, B3 = 2844.23683343917062;
const C0 = 0.564188496988670089, C1 = 8.88314979438837594, C2 = 66.1191906371416295, C3 = 298.635138197400131;
const C4 = 881.95222124176909, C5 = 1712.04761263407058, C6 = 2051.07837782607147, C7 = 1230.33935479799725;
const C8 = 2.15311535474403846e-8;
const D0 = 15.7449261107098347, D1 = 117.693950891312499, D2 = 537.181101862009858, D3 = 1621.38957456669019;
const D4 = 3290.79923573345963, D5 = 4362.61909014324716, D6 = 3439.36767414372164, D7 = 1230.33935480374942;
const P0 = 0.305326634961232344, P1 = 0.360344899949804439, P2 = 0.125781726111229246, P3 = 0.0160837851487422766;
const P4 = 6.58749161529837803e-4, P5 = 0.0163153871373020978;
const Q0 = 2.56852019228982242, Q1 = 1.87295284992346047, Q2 = 0.527905102951428412, Q3 = 0.0605183413124413191;
const Q4 = 0.00233520497626869185;

/** erf(x) / x for |x| <= 0.46875 (Cody's first interval). */
function erfOverX(y2: number): number {
  const num = (((A4 * y2 + A0) * y2 + A1) * y2 + A2) * y2 + A3;
  const den = (((y2 + B0) * y2 + B1) * y2 + B2) * y2 + B3;
  return num / den;
}

/**
 * exp(y^2) erfc(y) for 0.46875 < y <= 4 (Cody's second interval). Estrin's scheme instead of Horner halves the
 * dependency chain; every term is positive for y > 0, so the rounding stays at Horner's few ulps.
 */
function erfcxMid(y: number): number {
  const y2 = y * y;
  const y4 = y2 * y2;
  const num = (C8 * y4 + ((C0 * y + C1) * y2 + (C2 * y + C3))) * y4 + ((C4 * y + C5) * y2 + (C6 * y + C7));
  const den = (y4 + ((D0 * y + D1) * y2 + (D2 * y + D3))) * y4 + ((D4 * y + D5) * y2 + (D6 * y + D7));
  return num / den;
}

/** exp(y^2) erfc(y) for y > 4 (Cody's third interval, asymptotic in 1/y^2). */
function erfcxLarge(y: number): number {
  const z = 1 / (y * y);
  const num = ((((P5 * z + P0) * z + P1) * z + P2) * z + P3) * z + P4;
  const den = ((((z + Q0) * z + Q1) * z + Q2) * z + Q3) * z + Q4;
  return (INV_SQRT_PI - (z * num) / den) / y;
}

/**
 * exp(-y^2) without losing the low bits of y^2, with one exponential: y^2 = hi + lo exactly (Dekker's product via
 * Veltkamp's split of y), then exp(-hi) (1 - lo), since |lo| <= 2^-53 hi makes exp(-lo) = 1 - lo to full precision.
 */
function expMinusSquare(y: number): number {
  const c = 134217729 * y; // 2^27 + 1
  const yh = c - (c - y);
  const yl = y - yh;
  const hi = y * y;
  const lo = yh * yh - hi + 2 * yh * yl + yl * yl;
  return Math.exp(-hi) * (1 - lo);
}

/** Upper end of Cody's first interval: below it erfc is a rational function of y with no exponential. */
export const ERFC_CENTRE_MAX = 0.46875;

/**
 * Returns erfc(y) for |y| <= ERFC_CENTRE_MAX (not checked) with no exponential: Cody's rational erf(y)/y, ~1 ulp.
 * The pricing kernels use it where erfcx would need exp(y^2) (central d's), e.g. Phi(-|d|) = erfcCentre(|d|/sqrt2)/2.
 */
export function erfcCentre(y: number): number {
  return 1 - y * erfOverX(y * y);
}

/**
 * Returns erfcx(y) = exp(y^2) erfc(y) for y > ERFC_CENTRE_MAX (not checked): Cody's rational tail forms only,
 * no exponential and no sign test (the hot path of the pricing kernels).
 */
export function erfcxTail(y: number): number {
  if (y <= 4) return erfcxMid(y);
  return y >= 6.71e7 ? INV_SQRT_PI / y : erfcxLarge(y);
}

/**
 * Returns the complementary error function erfc(x) = 1 - erf(x), relative accuracy ~1e-16 in both tails.
 * @see W. J. Cody (1969), netlib specfun CALERF
 */
export function erfc(x: number): number {
  const y = Math.abs(x);
  let r: number;
  if (y <= 0.46875) return 1 - x * erfOverX(y * y);
  if (y <= 4) r = expMinusSquare(y) * erfcxMid(y);
  else if (y >= 26.543) r = 0;
  else r = expMinusSquare(y) * erfcxLarge(y);
  return x < 0 ? 2 - r : r;
}

/**
 * Returns the scaled complementary error function erfcx(x) = exp(x^2) erfc(x); finite for x > -26.6.
 * @see W. J. Cody (1969), netlib specfun CALERF
 */
export function erfcx(x: number): number {
  const y = Math.abs(x);
  let r: number;
  if (y <= 0.46875) return Math.exp(y * y) * (1 - x * erfOverX(y * y));
  if (y <= 4) r = erfcxMid(y);
  else if (y >= 6.71e7) r = INV_SQRT_PI / y;
  else r = erfcxLarge(y);
  if (x >= 0) return r;
  // erfcx(-y) = 2 exp(y^2) - erfcx(y); exp(y^2) via the split to keep its low bits
  return 2 / expMinusSquare(y) - r;
}

/**
 * Returns the standard normal cumulative distribution Phi(x), with ~1e-16 relative accuracy in the lower tail
 * (down to underflow near x = -38) and full absolute accuracy in the upper tail.
 */
export function normCdf(x: number): number {
  return 0.5 * erfc(-x * SQRT1_2);
}

/** Returns the standard normal density phi(x) = exp(-x^2/2)/sqrt(2 pi). */
export function normPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

// AS241 PPND16 coefficients (Wichura 1988).
const SPLIT1 = 0.425, SPLIT2 = 5, CONST1 = 0.180625, CONST2 = 1.6;
const IA = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727
];
const IB = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
  28729.085735721942674, 5226.495278852854561
];
const IC = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4
];
const ID = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9
];
const IE = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7
];
const IF = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15
];

function poly7(c: number[], x: number): number {
  return ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x + c[0];
}

/**
 * Returns the standard normal quantile Phi^-1(p) for p in (0, 1); -Infinity at 0, +Infinity at 1, NaN outside.
 * @see M. J. Wichura, "Algorithm AS241: The percentage points of the normal distribution" (1988)
 */
export function inverseNormCdf(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= SPLIT1) {
    const r = CONST1 - q * q;
    return (q * poly7(IA, r)) / poly7(IB, r);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= SPLIT2) {
    r -= CONST2;
    x = poly7(IC, r) / poly7(ID, r);
  } else {
    r -= SPLIT2;
    x = poly7(IE, r) / poly7(IF, r);
  }
  return q < 0 ? -x : x;
}
