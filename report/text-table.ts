/**
 * A plain-text table with aligned columns, for the terminal.
 */

/**
 * Renders rows (the first is the header) with columns padded to their widest cell; columns
 * flagged in `rightAligned` are right-aligned (numbers). Trailing spaces are trimmed.
 */
export function textTable(rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string[] {
  if (rows.length === 0) return [];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => (r[col] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, col) => (rightAligned[col] ? cell.padStart(widths[col]) : cell.padEnd(widths[col])))
      .join('  ')
      .trimEnd(),
  );
}
