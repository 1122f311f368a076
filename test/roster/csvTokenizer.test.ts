/**
 * The CSV tokenizer (src/roster/csvTokenizer.ts): RFC 4180 quotes, every kind of line end in
 * one file, and an unbalanced quote kept to its own line (issue 12 item 1, issue 16 "rows
 * swallowed by mixed line ends"). Expected records written out by hand from the input text.
 */
import { tokenizeCsv } from '../../src/roster';

const cells = (text: string, d = ',') => tokenizeCsv(text, d).records.map((r) => r.cells);

describe('tokenizeCsv', () => {
  test('plain, quoted, escaped quotes, empty fields, final newline or not', () => {
    expect(cells('a,b,c\n1,"x,y",3\n')).toEqual([['a', 'b', 'c'], ['1', 'x,y', '3']]);
    expect(cells('a,"say ""hi""",\n,,')).toEqual([['a', 'say "hi"', ''], ['', '', '']]);
    expect(cells('a;b\n"1;2";3', ';')).toEqual([['a', 'b'], ['1;2', '3']]);
    expect(cells('x"y,z\n')).toEqual([['x"y', 'z']]); // a quote inside an unquoted field is a character
    expect(cells('a\n\nb\n')).toEqual([['a'], [''], ['b']]); // a blank line is a (blank) record
    expect(cells('')).toEqual([]);
  });

  test('\\r\\n, \\n and a lone \\r mixed in one file: one record per line', () => {
    // CRLF file whose last rows end in LF only (issue 16), plus an old-Mac CR.
    const t = tokenizeCsv('h1,h2\r\n1,2\r\n3,4\n5,6\n7,8\r9,10\r\n', ',');
    expect(t.records.map((r) => r.cells)).toEqual([['h1', 'h2'], ['1', '2'], ['3', '4'], ['5', '6'], ['7', '8'], ['9', '10']]);
    expect(t.records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.problems).toEqual([]);
  });

  test('an unterminated quote keeps to its own line; the next rows are read', () => {
    // Issue 12 item 1: `"张三` never closes. papaparse put lines 2–3 into one cell.
    const t = tokenizeCsv('id,name,cat\n1,"张三,低保\n2,李四,特困\n', ',');
    expect(t.records.map((r) => r.cells)).toEqual([['id', 'name', 'cat'], ['1', '"张三', '低保'], ['2', '李四', '特困']]);
    expect(t.problems).toEqual([{ record: 1, field: 1, kind: 'unbalanced-quote', line: 2 }]);
  });

  test('a quote that "closes" after a line break followed by text is unbalanced too', () => {
    // `"张三,低保\n2,"李四",特困`: the quote after 2, is followed by 李, so it cannot close the
    // field opened on line 2; papaparse merged line 3 into the cell.
    const t = tokenizeCsv('id,name,cat\n1,"张三,低保\n2,"李四",特困\n', ',');
    expect(t.records.map((r) => r.cells)).toEqual([['id', 'name', 'cat'], ['1', '"张三', '低保'], ['2', '李四', '特困']]);
    expect(t.problems.map((p) => [p.record, p.kind, p.line])).toEqual([[1, 'unbalanced-quote', 2]]);
  });

  test('text after a closing quote on the same line: read as Excel does, flagged', () => {
    const t = tokenizeCsv('a,b\n"ab"cd,e\n', ',');
    expect(t.records.map((r) => r.cells)).toEqual([['a', 'b'], ['abcd', 'e']]);
    expect(t.problems).toEqual([{ record: 1, field: 0, kind: 'text-after-quote', line: 2 }]);
  });

  test('a properly closed quoted cell may span lines, and is reported with its lines', () => {
    const t = tokenizeCsv('a,b\r\n"line 1\r\nline 2",x\r\nnext,y\r\n', ',');
    expect(t.records.map((r) => r.cells)).toEqual([['a', 'b'], ['line 1\r\nline 2', 'x'], ['next', 'y']]);
    expect(t.records.map((r) => [r.line, r.endLine])).toEqual([[1, 1], [2, 3], [4, 4]]);
    expect(t.multiLine).toEqual([{ record: 1, field: 0 }]);
  });
});
