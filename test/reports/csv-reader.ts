/** Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of fields, as a spreadsheet would. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

export interface CsvSection {
  title: string;
  header: string[];
  rows: string[][];
}

/** Splits the report file at its empty lines: a title line, a header line, then the rows. */
export function sectionsOf(rows: string[][]): CsvSection[] {
  const sections: CsvSection[] = [];
  let current: string[][] = [];
  for (const row of [...rows, ['']]) {
    if (row.length === 1 && row[0] === '') {
      if (current.length > 0) sections.push({ title: current[0][0], header: current[1], rows: current.slice(2) });
      current = [];
    } else current.push(row);
  }
  return sections;
}
