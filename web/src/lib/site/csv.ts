/**
 * CSV as RFC 4180 describes it: CRLF line ends, every field quoted (so commas, quotes and line
 * breaks inside texts are safe), quotes doubled. Written with a UTF-8 byte order mark: without it
 * Excel, the spreadsheet most reusers open a CSV with, reads the file as the system's legacy code
 * page and garbles every non-ASCII text (Arabic, Czech…); R, pandas and LibreOffice skip the mark.
 *
 * Formula injection (CWE-1236): a spreadsheet runs a cell that starts with = + - @ (or a tab or
 * carriage return before one) as a formula, so editors' texts such as "=HYPERLINK(…)" would run on
 * the reuser's machine. Such a cell is prefixed with an apostrophe, which spreadsheets show as text.
 */
export const CSV_BOM = '\uFEFF';

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const line = (cells: readonly (string | number | null)[]) => cells.map(csvCell).join(',');
  return CSV_BOM + [line(header), ...rows.map(line)].map((l) => `${l}\r\n`).join('');
}
