import type { ReportCell, ReportTable } from './summary-tables';

// RFC 4180 CSV for Excel users in China: UTF-8 with a byte-order mark (without it Excel reads the file as GBK and the
// Chinese turns to mojibake), CRLF line ends, one section per table separated by an empty line.

export const UTF8_BOM = '\uFEFF';
const CRLF = '\r\n';

// Excel runs a cell that starts with one of these as a formula, so a display name such as "=HYPERLINK(…)" would
// become a live link in a supervisor's spreadsheet (CSV injection). Such text gets a leading apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One text field: guarded against formulas, quoted when it holds a comma, quote or line break. */
export function csvText(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Amounts stay the exact decimal strings of the JSON; a missing number (no agreements, no rate) is an empty field. */
export function csvCell(cell: ReportCell): string {
  switch (cell.kind) {
    case 'text':
      return csvText(cell.value);
    case 'money':
      return cell.value;
    case 'percent':
      return cell.value === null ? '' : `${(cell.value * 100).toFixed(2)}%`;
    case 'integer':
    case 'decimal':
      return cell.value === null ? '' : String(cell.value);
  }
}

/** A section of a CSV file: its title line, its header line, and its rows, each already one CSV line. */
export interface CsvSection {
  readonly title: string;
  readonly headers: readonly string[];
  readonly lines: readonly string[];
}

/** The file: the sections one after the other with an empty line between them. */
export function csvFile(sections: readonly CsvSection[]): string {
  const lines = sections.flatMap((section, index) => [...(index === 0 ? [] : ['']), csvText(section.title), section.headers.map(csvText).join(','), ...section.lines]);
  return UTF8_BOM + lines.join(CRLF) + CRLF;
}

export function toCsv(tables: readonly ReportTable[]): string {
  return csvFile(tables.map((table) => ({ title: table.title, headers: table.headers, lines: table.rows.map((row) => row.map(csvCell).join(',')) })));
}
