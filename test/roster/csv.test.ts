import * as iconv from 'iconv-lite';
import { detectEncoding, importPeople, readCsv } from '../../src/roster';
import { expectAccounted, ID_A, ID_B, ID_C } from './helpers';

const CSV = [
  '身份证号,姓名,人员类别,区县,个人缴费',
  `${ID_A},张三,低保对象;孤儿,金水区,"1,234.5"`,
  `${ID_B},李四,特困人员,二七区,３８０`,
  `${ID_C},王五,低保、孤儿,中原区,0.04万元`,
].join('\r\n') + '\r\n';

describe('CSV source', () => {
  test('GBK bytes are detected and decoded; IDs stay text', () => {
    const bytes = iconv.encode(CSV, 'gbk');
    expect(detectEncoding(bytes)).toBe('gb18030');
    const t = readCsv(bytes, { sheet: 'people.csv' });
    expect(t.source?.encoding).toBe('gb18030');
    expect(t.header).toEqual(['身份证号', '姓名', '人员类别', '区县', '个人缴费']);
    expect(t.rows[0].cells[0]).toBe(ID_A);
    expect(t.rows[0].cells[2]).toBe('低保对象;孤儿'); // ; inside a cell did not become a delimiter
    const res = importPeople(t);
    expectAccounted(res, t);
    expect(res.rows.map((p) => p.name)).toEqual(['张三', '李四', '王五']);
    expect(res.rows[0].categories).toEqual(['dibao', 'orphan']);
    expect(res.rows[0].premium?.toString()).toBe('1234.5'); // thousands separator
    expect(res.rows[1].premium?.toString()).toBe('380'); // full-width digits
    expect(res.rows[2].premium?.toString()).toBe('400'); // 万元
    expect(res.rows[2].categories).toEqual(['dibao', 'orphan']);
  });

  test('UTF-8 with a BOM: the BOM does not stick to the first header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]);
    const t = readCsv(bytes);
    expect(t.source?.encoding).toBe('utf-8');
    expect(t.header[0]).toBe('身份证号');
    expect(importPeople(t).rows).toHaveLength(3);
  });

  test('UTF-8 without a BOM, title row above the header, blank rows counted', () => {
    const text = ['2024年 某县 医疗救助对象名单,,,,', CSV.trimEnd(), ',,,,', '', `${ID_A},重复,低保,金水区,`].join('\n') + '\n\n';
    const t = readCsv(new TextEncoder().encode(text), { sheet: 'p.csv' });
    expect(t.headerRow).toBe(2);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([3, 4, 5, 8]);
    expect(t.blankRows).toEqual([6, 7]);
    const res = importPeople(t);
    expectAccounted(res, t);
    expect(res.report.summary).toEqual({ total: 6, used: 3, rejected: 1, warnings: 0, blank: 2 });
    const dup = res.report.entries.find((e) => e.code === 'ROSTER_DUPLICATE_ID')!;
    expect(dup).toMatchObject({ sheet: 'p.csv', rowNumber: 8, cell: 'A8', column: '身份证号', severity: 'error' });
    expect(dup.zh).toContain('第 3 行');
    expect(dup.en).toContain('row 3');
  });

  test('tab-separated UTF-16 (Excel "Unicode text")', () => {
    const text = CSV.replace(/,/g, '\t').replace('"1\t234.5"', '1234.5');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const t = readCsv(bytes);
    expect(t.source).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(importPeople(t).rows).toHaveLength(3);
  });

  test('an unbalanced quote rejects its own row only (issue 12 item 1)', () => {
    const text = `身份证号,姓名,人员类别,区县\n${ID_A},"张三,低保,金水区\n`;
    const t = readCsv(text);
    const res = importPeople(t);
    expectAccounted(res, t);
    expect(res.report.entries.some((e) => e.code === "ROSTER_UNBALANCED_QUOTE" && e.severity === "error")).toBe(true);
  });
});
