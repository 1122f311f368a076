/**
 * `medaid eval`: one output line per formula, errors as code + message, tables as
 * tab-separated rows joined by " | ", exit code 0 only when every result is a value.
 */
import { evalCommand, runEval } from '../../src/cli/eval';
import { commands } from '../../src/cli/main';

describe('runEval', () => {
  it('prints values, with or without "=" and the MEDAID. prefix', () => {
    const r = runEval([
      'ASSIST_INPATIENT(10000,"低保对象","信阳")',
      '=MEDAID.ASSIST_INPATIENT(10000,"低保对象","信阳")',
      'FUND_SPLIT(12345.67,"city")',
      '=medaid.fund_split(12345.67,"district")',
      'MONITOR_ALERT(12000,"西平",2022)',
      'SUM(FUND_SPLIT(12345.67,"city"),FUND_SPLIT(12345.67,"district"))',
    ]);
    expect(r).toEqual({ lines: ['7000', '7000', '1234.57', '11111.1', 'TRUE', '12345.67'], exitCode: 0 });
  });

  it('prints an error as its Excel code and bilingual message, and exits 1', () => {
    const r = runEval(['ASSIST_INPATIENT(10000,"外星人","信阳")', 'FUND_SPLIT(100,"city")']);
    expect(r.exitCode).toBe(1);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]).toMatch(/^#N\/A 未知人员类别 "外星人"：.* \/ unknown category "外星人"/);
    expect(r.lines[1]).toBe('10');
  });

  it('prints a spilled table on one line', () => {
    const [line] = runEval(['POLICY_LIST()']).lines;
    const rows = line.split(' | ');
    expect(rows).toHaveLength(6);
    expect(rows[0].split('\t')).toEqual(['地区', '地区（英文）', '省份', '政策版本', '生效日期', '年度', '状态', '文件']);
    expect(rows.find((r) => r.startsWith('信阳市\t'))!.split('\t').slice(3, 6)).toEqual(['xinyang-2024', '2024-01-01', '2024']);
  });

  it('prints an explanation ending with its result', () => {
    const r = runEval(['ASSIST_EXPLAIN("FUND_SPLIT",12345.67,"city")']);
    expect(r.exitCode).toBe(0);
    const rows = r.lines[0].split(' | ');
    expect(rows[0]).toBe('步骤\t金额\t参数\t取值\t依据');
    expect(rows[rows.length - 1].split('\t').slice(0, 2)).toEqual(['结果 FUND_SPLIT', '1234.57']);
  });

  it('takes Excel TRUE/FALSE literals and blank optional arguments', () => {
    expect(runEval(['ASSIST_ANNUAL(40000,10000,"低保对象","信阳",,TRUE)', 'ASSIST_ANNUAL(40000,10000,"低保对象","信阳",,FALSE)']).lines).toEqual(['34800', '30000']);
  });

  it('reports formulas it cannot parse or names it does not know', () => {
    const r = runEval(['NOSUCH(1)', 'ASSIST_INPATIENT(']);
    expect(r.exitCode).toBe(1);
    expect(r.lines[0]).toMatch(/^#NAME\?/);
    expect(r.lines[1]).toMatch(/^#ERROR!/);
  });

  it('is registered as the eval command', async () => {
    expect(commands.eval).toBeDefined();
    const eval_ = await commands.eval.load();
    expect(eval_.help).toMatch(/^eval /);
    expect(eval_.run).toBe(evalCommand);
  });
});
