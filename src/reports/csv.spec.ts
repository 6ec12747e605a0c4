import { csvCell, csvText, toCsv, UTF8_BOM } from './csv';
import type { ReportTable } from './summary-tables';

describe('report CSV', () => {
  it('leaves plain text and Chinese alone', () => {
    expect(csvText('调解成功')).toBe('调解成功');
  });

  it('quotes a field with a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('他说"好"')).toBe('"他说""好"""');
    expect(csvText('两\r\n行')).toBe('"两\r\n行"');
  });

  it('defuses text Excel would run as a formula', () => {
    expect(csvText('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('-1')).toBe("'-1");
    expect(csvText('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes amounts as their exact decimal strings and missing numbers as empty fields', () => {
    expect(csvCell({ kind: 'money', value: '30000.30' })).toBe('30000.30');
    expect(csvCell({ kind: 'money', value: '12345678901234.56' })).toBe('12345678901234.56');
    expect(csvCell({ kind: 'integer', value: null })).toBe('');
    expect(csvCell({ kind: 'decimal', value: 18.3 })).toBe('18.3');
  });

  it('writes a rate as a percentage with two decimals', () => {
    expect(csvCell({ kind: 'percent', value: 0.4 })).toBe('40.00%');
    expect(csvCell({ kind: 'percent', value: 0.6667 })).toBe('66.67%');
    expect(csvCell({ kind: 'percent', value: null })).toBe('');
  });

  it('starts with a BOM and writes each table as a titled section, CRLF, one empty line between sections', () => {
    const tables: ReportTable[] = [
      { title: '甲', headers: ['名称', '数'], rows: [[{ kind: 'text', value: 'a' }, { kind: 'integer', value: 1 }]] },
      { title: '乙', headers: ['金额'], rows: [[{ kind: 'money', value: '0.30' }]] },
    ];
    expect(toCsv(tables)).toBe(`${UTF8_BOM}甲\r\n名称,数\r\na,1\r\n\r\n乙\r\n金额\r\n0.30\r\n`);
  });
});
