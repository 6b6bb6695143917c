/**
 * The plain reference implementations of the file's formatting, kept as oracles after the fast
 * ones replaced them (issue 12): `renderBudgetJson` as map-and-join over Object.entries, and the
 * rounding and formatting of domain/units.ts with `10 ** decimals` per call and Object.is. The
 * property tests (test/report/render-budget-json.property.test.ts,
 * test/domain/units.property.test.ts) compare the fast ones with these, byte for byte.
 */

function holdsObjectArray(value: object): boolean {
  return Object.values(value).some((v) => Array.isArray(v) && v.some((x) => typeof x === 'object' && x !== null));
}

/**
 * Two-space JSON, except that an object inside an array that holds no array of objects is written
 * on one line (JSON.stringify's own spacing otherwise, so keys keep their order).
 */
export function referenceRenderBudgetJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    const items = value.map((v) =>
      typeof v === 'object' && v !== null && !Array.isArray(v) && !holdsObjectArray(v) ? JSON.stringify(v) : (referenceRenderBudgetJson(v, inner) ?? 'null'),
    );
    return `[\n${items.map((i) => `${inner}${i}`).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${referenceRenderBudgetJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** Rounds to `decimals` places and never returns -0. */
export function referenceRound(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function referenceRoundKw(kw: number): number {
  return referenceRound(kw, 3);
}

/** power-budget-file.ts's `ratio`: a fraction to 4 decimals, or null when not finite. */
export function referenceRatio(fraction: number): number | null {
  return Number.isFinite(fraction) ? referenceRound(fraction, 4) : null;
}

export function referenceFormatMw(kw: number): string {
  return `${referenceRound(kw / 1000, 3).toFixed(3)} MW`;
}

export function referenceFormatKw(kw: number): string {
  const rounded = referenceRound(kw, 1);
  // NaN, infinities, and 1e21 and up, which toFixed writes without a point: as String writes them.
  if (!Number.isFinite(rounded) || Math.abs(rounded) >= 1e21) return `${String(rounded)} kW`;
  const [whole, fraction] = rounded.toFixed(1).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  return `${sign}${(sign ? whole.slice(1) : whole).replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction} kW`;
}
