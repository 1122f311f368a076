/**
 * The ownership rule (src/taskpane/host/ownSheets.ts): marker + result name + the run and
 * name recorded in Workbook.settings, all four, or the sheet is not ours.
 */
import { isOwnSheet, markerValue, newRunId, parseResultRecord, resultRecordValue } from '../../../src/taskpane/host/ownSheets';

const RUN = '2026-12-04T02:00:00.000Z~0000abcd';
const record = parseResultRecord(resultRecordValue(RUN, [{ key: 'summary', name: '救助测算-汇总' }]));

describe('isOwnSheet', () => {
  test('ours only with marker, result name, recorded run and recorded name', () => {
    expect(isOwnSheet('救助测算-汇总', markerValue('summary', RUN), record)).toBe(true);
    // Excel compares sheet names case-insensitively.
    expect(isOwnSheet('MEDAID-x', markerValue('x', RUN), parseResultRecord(resultRecordValue(RUN, [{ key: 'x', name: 'MedAid-x' }])))).toBe(true);
  });
  test('a copy (another name), another run, another table, no record, no marker: not ours', () => {
    expect(isOwnSheet('救助测算-汇总 (2)', markerValue('summary', RUN), record)).toBe(false);
    expect(isOwnSheet('救助测算-汇总', markerValue('summary', '2025-01-01T00:00:00.000Z~00000000'), record)).toBe(false);
    expect(isOwnSheet('救助测算-汇总', markerValue('people', RUN), record)).toBe(false);
    expect(isOwnSheet('救助测算-汇总', markerValue('summary', RUN), undefined)).toBe(false);
    expect(isOwnSheet('救助测算-汇总', 'mine', record)).toBe(false);
    expect(isOwnSheet('救助测算-汇总', '', record)).toBe(false);
  });
  test('a recorded name without the result prefix is not enough', () => {
    const r = parseResultRecord(resultRecordValue(RUN, [{ key: 'summary', name: 'Sheet1' }]));
    expect(isOwnSheet('Sheet1', markerValue('summary', RUN), r)).toBe(false);
  });
  test('a setting that is not our record is no record', () => {
    expect(parseResultRecord('')).toBeUndefined();
    expect(parseResultRecord('{"by":"someone","run":"x","sheets":[]}')).toBeUndefined();
    expect(parseResultRecord('[1,2]')).toBeUndefined();
    expect(parseResultRecord(42)).toBeUndefined();
  });
  test('run ids differ within one millisecond', () => {
    const t = new Date('2026-12-04T02:00:00Z');
    expect(newRunId(t, () => 0.1)).not.toBe(newRunId(t, () => 0.2));
    expect(newRunId(t, () => 0)).toBe('2026-12-04T02:00:00.000Z~00000000');
  });
});
