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
