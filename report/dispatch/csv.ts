/**
 * A minimal CSV reader for price files: comma-separated fields, optionally in double quotes
 * (a doubled quote inside is a quote). One record per line; quoted line breaks are not allowed
 * (price files have none). Returns every non-blank line with its 1-based line number.
 */
export interface CsvLine {
  readonly line: number;
  readonly fields: readonly string[];
}

/** Splits one line, or returns a problem in words. */
export function splitCsvLine(text: string): string[] | string {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) return 'a quoted field is not closed';
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      if (i < text.length && text[i] !== ',') return 'text after a closing quote';
      fields.push(value);
    } else {
      const end = text.indexOf(',', i);
      fields.push((end < 0 ? text.slice(i) : text.slice(i, end)).trim());
      i = end < 0 ? text.length : end;
    }
    if (i >= text.length) return fields;
    i++; // the comma
  }
}

/**
 * The lines of a CSV text (a UTF-8 byte-order mark and \r\n line ends accepted), blank lines
 * left out, and comment lines starting with '#' before the header (the generated example series
 * says in them how it was made).
 */
export function csvLines(text: string): (CsvLine | { readonly line: number; readonly problem: string })[] {
  const out: (CsvLine | { line: number; problem: string })[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, index) => {
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (lineText.trim() === '') return;
    if (out.length === 0 && lineText.startsWith('#')) return;
    const fields = splitCsvLine(lineText);
    out.push(typeof fields === 'string' ? { line: index + 1, problem: fields } : { line: index + 1, fields });
  });
  return out;
}
