import { describe, expect, it } from 'vitest';
import { parseWorkerRows } from './worker-paste';

const TODAY = '2026-12-01';

describe(parseWorkerRows.name, () => {
  it('reads tab-separated rows from a spreadsheet, skipping the header and blank lines', () => {
    const text = ['姓名\t身份证号\t电话\t劳动关系\t农民工\t代表人', '张伟\t220402199003071231\t13843712345\t已离职\t是\t是', '', '李娜\t11010519491231002x\t0437-3221234\t在职\t否\t'].join('\r\n');
    const rows = parseWorkerRows(text, TODAY);
    expect(rows.map((row) => row.applicant)).toEqual([
      { name: '张伟', idType: 'RESIDENT_ID', idNumber: '220402199003071231', phone: '13843712345', employmentRelation: 'FORMER', migrantWorker: true, isRepresentative: true },
      { name: '李娜', idType: 'RESIDENT_ID', idNumber: '11010519491231002X', phone: '0437-3221234', employmentRelation: 'CURRENT', migrantWorker: false, isRepresentative: false },
    ]);
    expect(rows.map((row) => row.problems)).toEqual([[], []]);
    expect(rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it('keeps bad rows and says what is wrong with each', () => {
    const text = ['王强\t220402199003071232\t13843712345', '\t220402199003071231\t1384371234', '赵六\t2.20402E+17\t13843712345', '孙七\t220402199002301231\t13843712345'].join('\n');
    const rows = parseWorkerRows(text, TODAY);
    expect(rows.map((row) => row.problems)).toEqual([['idChecksum'], ['required', 'phone'], ['idFormat'], ['idBirthDate']]);
  });

  it('flags an ID number that repeats one already in the list or earlier in the paste', () => {
    const existing = [{ name: '张伟', idType: 'RESIDENT_ID' as const, idNumber: '220402199003071231', phone: '13843712345' }];
    const rows = parseWorkerRows('甲\t220402199003071231\t13843712345\n乙\t11010519491231002X\t13843712346\n丙\t11010519491231002x\t13843712347', TODAY, existing);
    expect(rows.map((row) => row.problems)).toEqual([['duplicateId'], [], ['duplicateId']]);
  });

  it('takes a passport number as another document', () => {
    const [row] = parseWorkerRows('John Smith\tE12345678\t13843712345', TODAY);
    expect(row.applicant).toMatchObject({ idType: 'OTHER', idNumber: 'E12345678' });
    expect(row.problems).toEqual([]);
  });

  it('reads comma-separated lines too, and nothing from blank text', () => {
    expect(parseWorkerRows('张伟,220402199003071231,13843712345', TODAY)[0].problems).toEqual([]);
    expect(parseWorkerRows(' \n\n', TODAY)).toEqual([]);
  });
});
