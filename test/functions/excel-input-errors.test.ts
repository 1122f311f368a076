/**
 * Error cells inside range arguments, exactly as Excel passes them once functions.json has
 * allowErrorForDataTypeAny (issue 13 item 2): a CustomFunctions.Error { code, message? }
 * (the ErrorCode values are the codes as shown) or the data-types error shape
 * { type: "Error", basicValue, errorType }. The error stays in its own row of the spill,
 * with a bilingual message naming the argument and the cell of its range; the other rows
 * compute as before.
 */
import { EXCEL_FUNCTIONS } from '../../src/functions/functions';
import { excelInputError } from '../../src/functions/inputErrors';
import { withMetadataOptions } from '../../scripts/functions-metadata-options';
import { generatedMetadata } from '../addin/generatedMetadata';

/** CustomFunctions.Error as the runtime defines it: code and optional message. */
class CFError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const globals = globalThis as unknown as Record<string, unknown>;
beforeAll(() => {
  globals.CustomFunctions = { Error: CFError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' }, associate: () => undefined };
});
afterAll(() => {
  delete globals.CustomFunctions;
});

describe('Excel error values in range arguments', () => {
  test('a #DIV/0! in the cost column fails only its own row, naming the argument and the cell', async () => {
    // 10000 for a 低保对象 in 信阳 is 7000 (the value test/functions/excel-functions.test.ts checks).
    const cost = [[10000], [new CFError('#DIV/0!')], [10000]];
    const out = await EXCEL_FUNCTIONS.ASSIST_INPATIENT(cost, [['低保对象']], [['信阳']]);
    expect(out[0]).toEqual([7000]);
    expect(out[2]).toEqual([7000]);
    const e = out[1][0] as CFError;
    expect(e).toBeInstanceOf(CFError);
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toContain('参数 cost 所给区域的第 2 行第 1 列是 Excel 错误 #DIV/0!');
    expect(e.message).toContain('row 2, column 1 of the range given as cost holds the Excel error #DIV/0!');
  });

  test('#N/A stays #N/A (with the message); the data-types error shape is recognised too', async () => {
    const cat = [['低保对象'], [{ type: 'Error', basicType: 'Error', basicValue: '#N/A', errorType: 'NotAvailable' }], [new CFError('#REF!')]];
    const out = await EXCEL_FUNCTIONS.ASSIST_INPATIENT([[10000], [10000], [10000]], cat, [['信阳']]);
    expect(out[0]).toEqual([7000]);
    expect(out[1][0]).toMatchObject({ code: '#N/A', message: expect.stringContaining('参数 category 所给区域的第 2 行第 1 列是 Excel 错误 #N/A') });
    expect(out[2][0]).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('Excel 错误 #REF!') });
  });

  test('an error passed as a single value names the argument; an upstream message is kept', async () => {
    const out = await EXCEL_FUNCTIONS.FUND_SPLIT([[1000]], [[new CFError('#N/A', '未知地区 "火星"')]]);
    expect(out).toEqual([[new CFError('#N/A', expect.stringContaining('FUND_SPLIT：参数 part是 Excel 错误 #N/A（原错误：未知地区 "火星"）'))]]);
  });

  test('ASSIST_EXPLAIN reports an error argument instead of failing', async () => {
    const out = EXCEL_FUNCTIONS.ASSIST_EXPLAIN('ASSIST_INPATIENT', [new CFError('#NUM!'), '低保对象', '信阳']);
    expect(out).toEqual([[new CFError('#VALUE!', expect.stringContaining('参数 cost是 Excel 错误 #NUM!'))]]);
  });

  /** What Excel passes for an optional argument left out (the declared types say undefined). */
  const N = null as unknown as undefined;

  // Issue 13: with requiresParameterAddresses Excel also passes invocation.parameterAddresses,
  // one "SheetName!A1" address per argument (Microsoft, "Custom functions parameter options",
  // "Detect the address of a parameter"); the message then names the cell itself.
  test('with the arguments’ addresses the message names the cell’s A1 address', async () => {
    const cost = [[10000], [new CFError('#DIV/0!')], [10000]];
    const invocation = { parameterAddresses: ['费用!D8:D10', '人员!C8', '人员!E2'] };
    const out = await EXCEL_FUNCTIONS.ASSIST_INPATIENT(cost, [['低保对象']], [['信阳']], N, N, N, N, N, invocation);
    expect(out[0]).toEqual([7000]);
    expect(out[2]).toEqual([7000]);
    const e = out[1][0] as CFError;
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toContain('ASSIST_INPATIENT：参数 cost 的单元格 费用!D9（所给区域的第 2 行第 1 列）是 Excel 错误 #DIV/0!');
    expect(e.message).toContain('ASSIST_INPATIENT: cell 费用!D9 (row 2, column 1 of the range given as cost) holds the Excel error #DIV/0!');
  });

  test('a two-column range on a quoted sheet name: the cell is counted from the range’s top-left', async () => {
    // Row 2, column 2 of 'Bob''s Region'!F6:G7 is G7; the sheet part stays as Excel quoted it.
    const cost = [[10000, 10000], [10000, new CFError('#N/A')]];
    const out = await EXCEL_FUNCTIONS.ASSIST_INPATIENT(cost, [['低保对象']], [['信阳']], N, N, N, N, N, {
      parameterAddresses: ["'Bob''s Region'!$F$6:$G$7", 'Sheet1!A1', 'Sheet1!A2'],
    });
    expect(out[0]).toEqual([7000, 7000]);
    expect(out[1][0]).toEqual(7000);
    expect(out[1][1]).toMatchObject({ code: '#N/A', message: expect.stringContaining("参数 cost 的单元格 'Bob''s Region'!G7（所给区域的第 2 行第 2 列）") });
  });

  test('a single-value argument names its cell; an address Excel did not give leaves the range position alone', async () => {
    const one = await EXCEL_FUNCTIONS.FUND_SPLIT([[1000]], [[new CFError('#N/A')]], N, { parameterAddresses: ['Sheet1!A1', 'Sheet1!B1', ''] });
    expect(one[0][0]).toMatchObject({ code: '#N/A', message: expect.stringContaining('FUND_SPLIT：参数 part（单元格 Sheet1!B1）是 Excel 错误 #N/A') });
    for (const parameterAddresses of [[], ['', '', ''], ['not an address'], undefined]) {
      const out = await EXCEL_FUNCTIONS.ASSIST_INPATIENT([[10000], [new CFError('#REF!')]], [['低保对象']], [['信阳']], N, N, N, N, N, { parameterAddresses });
      expect((out[1][0] as CFError).message).toContain('参数 cost 所给区域的第 2 行第 1 列是 Excel 错误 #REF!');
    }
  });

  test('VISIT_LAYERS names the cell of a range too (it reads its ranges row by row)', () => {
    // Row 2 of the category range 结算!D5:D6 holds #N/A; row 1 computes (威海 建档立卡: the README example).
    const out = EXCEL_FUNCTIONS.VISIT_LAYERS([[130000], [130000]], [[5000], [5000]], [[5000], [5000]], [['建档立卡贫困人口'], [new CFError('#N/A')]], [['威海']],
      N, N, N, N, N, N, N, { parameterAddresses: ['结算!A5:A6', '结算!B5:B6', '结算!C5:C6', '结算!D5:D6', '结算!E1'] });
    expect(out[1]).toEqual([5000, 76750, 200, 0, 16275, 0, 31775]);
    expect(out[2][0]).toMatchObject({ code: '#N/A', message: expect.stringContaining('VISIT_LAYERS：参数 category 的单元格 结算!D6（所给区域的第 2 行第 1 列）') });
  });

  test('values are not mistaken for errors', async () => {
    for (const v of [0, '', '#VALUE!', 'text', true, null, undefined, { code: 'X' }, [1]]) expect(excelInputError(v)).toBeUndefined();
    expect(excelInputError(new CFError('#div/0!'))).toEqual({ code: '#DIV/0!' });
  });
});

describe('functions.json options', () => {
  test('the generated metadata gets allowErrorForDataTypeAny (the plugin alone does not set it)', async () => {
    const generated = await generatedMetadata();
    expect(generated.allowErrorForDataTypeAny).toBeUndefined();
    const out = withMetadataOptions(generated);
    expect(out.allowErrorForDataTypeAny).toBe(true);
    expect(out.allowCustomDataForDataTypeAny).toBe(true);
    expect(out.functions).toEqual(generated.functions);
  }, 120_000);
});
