import { duplicateOf, idNumberRule, phoneRule, type ApplicantValues, type EmploymentRelation, type IdNumberRule } from './intake-values';

/** A problem of a pasted row, as the key of its message under `intake.rules`. */
export type PasteProblem = IdNumberRule | 'phone' | 'duplicateId';

export interface PastedRow {
  /** 1-based line of the pasted text, as the user sees it in the spreadsheet. */
  readonly line: number;
  readonly applicant: ApplicantValues;
  readonly problems: readonly PasteProblem[];
}

const RELATIONS: Readonly<Record<string, EmploymentRelation>> = {
  在职: 'CURRENT',
  在岗: 'CURRENT',
  CURRENT: 'CURRENT',
  已离职: 'FORMER',
  离职: 'FORMER',
  FORMER: 'FORMER',
  劳务派遣: 'DISPATCHED',
  派遣: 'DISPATCHED',
  DISPATCHED: 'DISPATCHED',
  关系不明: 'UNCERTAIN',
  不明: 'UNCERTAIN',
  UNCERTAIN: 'UNCERTAIN',
};

const YES = new Set(['是', '√', '✓', 'Y', 'YES', 'TRUE', '1']);

function yes(cell: string | undefined): boolean {
  return YES.has((cell ?? '').trim().toUpperCase());
}

/** Spreadsheets copy as tab-separated lines; a CSV line or a line of blank-separated words is taken too. */
function cellsOf(line: string): string[] {
  const separator = line.includes('\t') ? '\t' : line.includes(',') ? ',' : line.includes('，') ? '，' : /\s{2,}|\s/;
  return line.split(separator).map((cell) => cell.trim());
}

/** A header row names its columns: nothing in its second cell looks like an ID number. */
function isHeader(cells: readonly string[]): boolean {
  return !/\d/.test(cells[1] ?? '') && /姓名|name|身份证|证件|id/i.test(cells.join(' '));
}

function idTypeOf(idNumber: string): ApplicantValues['idType'] {
  // A resident ID is digits with perhaps a final X, letters elsewhere mean a passport or permit; but 2.20402E+17 is a
  // resident ID that the spreadsheet turned into a number, to be flagged as one.
  if (/^\d(\.\d+)?E\+\d+$/i.test(idNumber)) return 'RESIDENT_ID';
  return /[A-WYZa-wyz]/.test(idNumber) ? 'OTHER' : 'RESIDENT_ID';
}

/**
 * Rows pasted from a spreadsheet: 姓名, 身份证号, 电话, then optionally 劳动关系, 农民工 and 代表人 (是/否). Every row
 * is kept, with what is wrong in it, so that the list shows the bad ones to be corrected rather than losing them.
 * `existing` are the applicants already in the form, for the duplicate check.
 */
export function parseWorkerRows(text: string, today: string, existing: readonly ApplicantValues[] = []): PastedRow[] {
  const lines = text
    .split(/\r?\n/)
    .map((line, index) => ({ line: index + 1, cells: cellsOf(line) }))
    .filter(({ cells }) => cells.some((cell) => cell !== ''));
  const body = lines.length > 0 && isHeader(lines[0].cells) ? lines.slice(1) : lines;
  const applicants = body.map(({ cells }): ApplicantValues => {
    const [name = '', idNumber = '', phone = '', relation = '', migrant, representative] = cells;
    return {
      name,
      idType: idTypeOf(idNumber),
      idNumber: idNumber.toUpperCase(),
      phone,
      employmentRelation: RELATIONS[relation.toUpperCase()] ?? 'CURRENT',
      migrantWorker: yes(migrant),
      isRepresentative: yes(representative),
    };
  });
  const all = [...existing, ...applicants];
  return body.map(({ line }, index) => {
    const applicant = applicants[index];
    const problems: PasteProblem[] = [];
    if (!applicant.name?.trim()) problems.push('required');
    const idRule = idNumberRule(applicant.idType, applicant.idNumber, today);
    if (idRule) problems.push(idRule);
    else if (duplicateOf(all, existing.length + index) !== undefined) problems.push('duplicateId');
    const phone = phoneRule(applicant.phone);
    if (phone) problems.push(phone === 'required' ? 'phone' : phone);
    return { line, applicant, problems: [...new Set(problems)] };
  });
}
