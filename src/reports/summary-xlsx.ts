import { Workbook, type Cell, type Worksheet } from 'exceljs';
import type { ReportCell, ReportTable } from './summary-tables';

// The summary as an Excel workbook, one sheet per table. Amounts become number cells so that a supervisor can add
// and chart them; a double holds every amount below 2^53 fen to the cent for display, and the exact figures stay in
// the JSON and the CSV.

const AMOUNT_FORMAT = '#,##0.00';
const PERCENT_FORMAT = '0.00%';
const DECIMAL_FORMAT = '0.0';

function writeCell(cell: Cell, value: ReportCell): void {
  switch (value.kind) {
    case 'text':
      cell.value = value.value;
      return;
    case 'money':
      cell.value = Number(value.value);
      cell.numFmt = AMOUNT_FORMAT;
      return;
    case 'percent':
      cell.value = value.value;
      cell.numFmt = PERCENT_FORMAT;
      return;
    case 'decimal':
      cell.value = value.value;
      cell.numFmt = DECIMAL_FORMAT;
      return;
    case 'integer':
      cell.value = value.value;
  }
}

// Wide enough for the Chinese headers (about two characters' width each) and for amounts with thousands separators.
function fitColumns(sheet: Worksheet, table: ReportTable): void {
  table.headers.forEach((header, index) => {
    const longest = Math.max(header.length * 2, ...table.rows.map((row) => String(row[index]?.value ?? '').length * 2));
    sheet.getColumn(index + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
}

function addSheet(workbook: Workbook, table: ReportTable): void {
  const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow([...table.headers]);
  header.font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow([]);
    row.forEach((value, index) => writeCell(added.getCell(index + 1), value));
  }
  fitColumns(sheet, table);
}

/** `createdAt` is the report's generation time, so the same report gives the same file metadata. */
export async function toXlsx(tables: readonly ReportTable[], createdAt: Date): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'tiaojie';
  workbook.created = createdAt;
  workbook.modified = createdAt;
  for (const table of tables) addSheet(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
