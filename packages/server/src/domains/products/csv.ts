/**
 * Rows of RFC 4180 CSV: fields split by commas, quoted fields may hold commas, line breaks and
 * doubled quotes; CRLF or LF line ends; a leading byte-order mark is dropped (spreadsheets write
 * one). Each row comes with its line number, for errors a merchant can find in their file. Blank
 * lines are skipped. Throws `CsvError` for a quote left open or text after a closing quote.
 */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = 0;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < s.length) {
    const c = s[i]!;
    if (quoted && c === '"' && s[i + 1] === '"') {
      field += '"';
      i += 2;
      continue;
    }
    i++;
    if (quoted && c === '"') {
      quoted = false;
      if (i < s.length && !',\r\n'.includes(s[i]!)) throw new CsvError(line, 'Text after a closing quote');
    } else if (quoted) {
      if (c === '\n') line++;
      field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && s[i] === '\n') i++;
      start = ++line;
    } else field += c;
  }
  if (quoted) throw new CsvError(start, 'A quote is never closed');
  endRow();
  return rows;
}
