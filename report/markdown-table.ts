/**
 * A GitHub-flavoured Markdown table.
 */

/** Escapes a cell so that `|`, line breaks and HTML in names cannot break the table. */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}

/**
 * Renders a header row and body rows; columns flagged in `rightAligned` are right-aligned.
 * Cells are escaped unless they are already Markdown (pass `raw` for those columns).
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: readonly boolean[],
  raw: readonly boolean[] = [],
): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => (raw[i] ? c : escapeCell(c))).join(' | ')} |`;
  return [line(header), `|${header.map((_, i) => (rightAligned[i] ? '---:' : '---')).join('|')}|`, ...rows.map(line)];
}
