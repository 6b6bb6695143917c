/**
 * Kubernetes resource quantities ("500m", "1", "64Mi", "1G", "1e3") as numbers, so rules
 * compare amounts, not spellings: "1" CPU is "1000m", "1Gi" is "1024Mi".
 *
 * Source: Kubernetes API reference, "Quantity" (k8s.io/apimachinery/pkg/api/resource): a signed
 * decimal number, then a binary suffix (Ki Mi Gi Ti Pi Ei: powers of 1024), a decimal suffix
 * (m = 10^-3, k M G T P E: powers of 1000) or a decimal exponent (e3, E3).
 */
const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Readonly<Record<string, number>> = { '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** The quantity's amount in base units, or undefined when the text is not a quantity (e.g. a token "${var.cpu}"). */
export function quantityAmount(text: string): number | undefined {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei)|(m|k|M|G|T|P|E)?)$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2] !== undefined) return Number(`${m[1]}${m[2]}`);
  if (m[3] !== undefined) return n * BINARY[m[3]];
  return n * DECIMAL[m[4] ?? ''];
}

/** Whether two quantities are the same amount (equal text when either is not a quantity). Relative tolerance 1e-9 for the decimal suffixes' floating point. */
export function sameQuantity(a: string, b: string): boolean {
  const x = quantityAmount(a);
  const y = quantityAmount(b);
  if (x === undefined || y === undefined) return a === b;
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
}
