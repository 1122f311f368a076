/**
 * A1 addresses from invocation.parameterAddresses (src/functions/parameterAddress.ts), in the
 * forms Microsoft's "Custom functions parameter options" gives: Costs!D8, 'Latest Prices'!F6,
 * 'Bob''s Region'!F6, and ranges of them.
 */
import { cellAddressIn, rangeOrigin } from '../../src/functions/parameterAddress';

describe('parameter addresses', () => {
  test('a cell and a range: the top-left, with the sheet as Excel wrote it', () => {
    expect(rangeOrigin('Costs!D8')).toEqual({ sheet: 'Costs!', column: 3, row: 8 });
    expect(rangeOrigin('Costs!$D$8:$D$100')).toEqual({ sheet: 'Costs!', column: 3, row: 8 });
    expect(rangeOrigin("'Latest Prices'!F6")).toEqual({ sheet: "'Latest Prices'!", column: 5, row: 6 });
    expect(rangeOrigin("'Bob''s Region'!F6:G7")).toEqual({ sheet: "'Bob''s Region'!", column: 5, row: 6 });
    expect(rangeOrigin('ab12')).toEqual({ sheet: '', column: 27, row: 12 });
  });

  test('a cell inside the range: row 5 of Costs!D8:D100 is D12; column 2 of F6:G7 is G', () => {
    expect(cellAddressIn('Costs!D8:D100', 4, 0)).toBe('Costs!D12');
    expect(cellAddressIn("'Bob''s Region'!F6:G7", 1, 1)).toBe("'Bob''s Region'!G7");
    expect(cellAddressIn('人员!Z1:AB3', 0, 2)).toBe('人员!AB1');
    expect(cellAddressIn('Sheet1!B2', 0, 0)).toBe('Sheet1!B2');
  });

  test('whole columns and whole rows', () => {
    expect(cellAddressIn('Sheet1!A:A', 9, 0)).toBe('Sheet1!A10');
    expect(cellAddressIn('Sheet1!$C:$D', 0, 1)).toBe('Sheet1!D1');
    expect(cellAddressIn('Sheet1!3:4', 1, 2)).toBe('Sheet1!C4');
  });

  test('outside the grid or not an address: undefined (the message keeps the range position)', () => {
    expect(cellAddressIn('Sheet1!XFD1', 0, 1)).toBeUndefined();
    expect(cellAddressIn('Sheet1!A1048576', 1, 0)).toBeUndefined();
    expect(rangeOrigin('Sheet1!XFE1')).toBeUndefined();
    for (const x of [undefined, null, '', 'not an address', 'Sheet1!', '#REF!', 42, 'Sheet1!A0', 'A1:B2:C3']) expect(cellAddressIn(x, 0, 0)).toBeUndefined();
  });
});
