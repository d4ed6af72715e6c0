import { LegacyFormatError } from '../errors/legacy-format-error.js';

/** One data row of a CSV file, with the 1-based line it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A parsed CSV file: the header row and the data rows. Blank lines are skipped. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

/**
 * Parses RFC 4180 CSV (quoted cells, doubled quotes, commas and line breaks inside quotes; CRLF
 * or LF line ends), as Python's `csv` module reads the legacy `models.csv`.
 *
 * @throws {LegacyFormatError} on a quote that is never closed, or a file without a header.
 */
export function parseCsv(text: string, file: string): CsvTable {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) throw new LegacyFormatError(file, 'a quoted cell is never closed', { line: rowLine });
  if (cell !== '' || cells.length > 0) endRow();
  const [header, ...data] = rows;
  if (!header) throw new LegacyFormatError(file, 'the file is empty: no header row');
  return { header: header.cells, rows: data };
}
