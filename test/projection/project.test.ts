/**
 * Small rosters worked by hand from the policy texts. 信阳 = 信医保办〔2024〕52号 (seed 000),
 * 山西 = 2022 press briefing (seed 003); rulings are those of shared/seeds/README.md.
 */
import { project } from '../../src/projection';
import { person, s2, visit } from './helpers';

const XY = { region: '信阳', year: 2024 };

describe('per-person year: visits share state in date order', () => {
  test('deductible shared across two admissions (信阳 低保边缘家庭成员: 2400, 65%)', () => {
    const p = person('A1', '低保边缘家庭成员');
    // Rows deliberately out of date order: row 2 is May, row 3 is March.
    const visits = [visit(2, 'A1', '2024-05-10', 'inpatient', 3000), visit(3, 'A1', '2024-03-01', 'inpatient', 2000)];
    const r = project({ ...XY, people: [p], visits });
    const byRow = new Map(r.visits.map((v) => [v.visit.rowNumber, v]));
    // 二、二是: March first: 2000 is below the 2400 deductible → 0.
    expect(s2(byRow.get(3)!.assistance)).toBe('0.00');
    // May: cumulative 5000 − 2400 = 2600 × 65% = 1690.00.
    expect(s2(byRow.get(2)!.assistance)).toBe('1690.00');
    expect(s2(r.totals.overall.assistance.total)).toBe('1690.00');
    expect(r.totals.byCategory.dibao_edge!.assistance.total.toFixed(2)).toBe('1690.00');
    // 二、一是: 低保边缘 has no premium-subsidy tier → 0.
    expect(s2(r.totals.overall.premiumSubsidy)).toBe('0.00');
  });

  test('annual cap reached mid-year, shared by inpatient and outpatient (信阳 二、四是: 3万)', () => {
    const p = person('B1', '低保对象', '平桥区', 380);
    const visits = [
      visit(10, 'B1', '2024-02-01', 'inpatient', 40000), // 二、二是 70%: 28000.00
      visit(11, 'B1', '2024-06-01', 'outpatient', 8000, { scheme: '9类病种' }), // 二、三是 50% = 4000, room 2000 → 2000.00
      visit(12, 'B1', '2024-09-01', 'inpatient', 5000), // 70% = 3500, cap used up → 0.00
    ];
    const r = project({ ...XY, people: [p], visits });
    const byRow = new Map(r.visits.map((v) => [v.visit.rowNumber, s2(v.assistance)]));
    expect(byRow.get(10)).toBe('28000.00');
    expect(byRow.get(11)).toBe('2000.00');
    expect(byRow.get(12)).toBe('0.00');
    const a = r.totals.overall.assistance;
    expect(s2(a.inpatient)).toBe('28000.00');
    expect(s2(a.outpatient)).toBe('2000.00');
    expect(s2(a.total)).toBe('30000.00'); // the 3万 cap
    // 二、一是: 低保对象 fixed 80 yuan (ruling 8).
    expect(s2(r.totals.overall.premiumSubsidy)).toBe('80.00');
    expect(s2(r.totals.overall.fundNeed)).toBe('30080.00');
  });

  test('tilted assistance (信阳 二、五是: referred, above 12000 at 60%, at most 1万; ruling 4)', () => {
    const people = [person('C1', '低保对象'), person('C2', '低保对象')];
    const visits = [
      // 60000: 70% = 42000 → cap 30000; left 60000 − 30000 = 30000; (30000 − 12000) × 60% = 10800 → tilt cap 10000.
      visit(20, 'C1', '2024-04-01', 'inpatient', 60000, { referred: true }),
      // 50000: 35000 → cap 30000; left 20000; (20000 − 12000) × 60% = 4800.
      visit(21, 'C2', '2024-04-01', 'inpatient', 50000, { referred: true }),
    ];
    const r = project({ ...XY, people, visits });
    const byRow = new Map(r.visits.map((v) => [v.visit.rowNumber, v]));
    expect(s2(byRow.get(20)!.tilt)).toBe('10000.00');
    expect(s2(byRow.get(20)!.assistance)).toBe('40000.00');
    expect(s2(byRow.get(21)!.tilt)).toBe('4800.00');
    expect(s2(byRow.get(21)!.assistance)).toBe('34800.00');
    expect(s2(r.totals.overall.assistance.tilt)).toBe('14800.00');
    expect(s2(r.totals.overall.assistance.inpatient)).toBe('60000.00');
  });

  test('not referred: no tilt even above the cap (信阳 二、五是 needs 规范转诊且在省域内就医)', () => {
    const r = project({ ...XY, people: [person('C3', '低保对象')], visits: [visit(22, 'C3', '2024-04-01', 'inpatient', 60000)] });
    expect(s2(r.totals.overall.assistance.total)).toBe('30000.00');
    expect(s2(r.totals.overall.assistance.tilt)).toBe('0.00');
  });

  test('Shanxi 返贫致贫人口: one admission topped up to 90 % combined (ruling 7)', () => {
    // 70% × 3500 = 2450; 90% × 10000 − 6500 insurance = 2500 > 2450 → 2500.00, of which top-up 50.00.
    const p = person('S1', '返贫致贫人口', '太原', 350);
    const r = project({ region: '山西', year: 2022, people: [p], visits: [visit(30, 'S1', '2022-05-05', 'inpatient', 3500, { totalCost: 10000, insurancePaid: 6500 })] });
    expect(s2(r.visits[0].assistance)).toBe('2500.00');
    expect(s2(r.visits[0].topUp)).toBe('50.00');
    expect(s2(r.totals.overall.assistance.topUp)).toBe('50.00');
    // 山西 资助参保: 返贫致贫人口 90% of the individual premium 350 = 315.00.
    expect(s2(r.totals.overall.premiumSubsidy)).toBe('315.00');
  });

  test('several statuses: the best one, once (就高不就低, ruling 9)', () => {
    // 因病致贫: (10000 − 6000) × 65% = 2600; 低保边缘: (10000 − 2400) × 65% = 4940 → 4940.00 under 低保边缘.
    const p = person('D1', '因病致贫重病患者;低保边缘家庭成员');
    const r = project({ ...XY, people: [p], visits: [visit(40, 'D1', '2024-08-08', 'inpatient', 10000)] });
    expect(s2(r.visits[0].assistance)).toBe('4940.00');
    expect(r.visits[0].category).toBe('dibao_edge');
    expect(r.people[0].category).toBe('dibao_edge');
    expect(Object.keys(r.totals.byCategory)).toEqual(['dibao_edge']);
  });
});

describe('funding: sources, fiscal remainder and the 1:9 split', () => {
  // 浉河区: 低保 10000 × 70% = 7000 + 80 subsidy = 7080.00; 平桥区: 特困 5000 × 90% = 4500 + full premium 380 = 4880.00.
  const people = [person('E1', '低保对象', '浉河区', 380), person('E2', '特困人员', '平桥区', 380)];
  const visits = [visit(50, 'E1', '2024-01-15', 'inpatient', 10000), visit(51, 'E2', '2024-01-20', 'inpatient', 5000)];

  test('two districts, sources pro rata by need (largest remainder), split 1:9 per district (ruling 11)', () => {
    const r = project({ ...XY, people, visits, funding: { donations: 1000, transfers: 2000 } });
    const f = r.funding;
    expect(s2(f.need)).toBe('11960.00');
    expect(f.origin.lottery).toBe('default'); // 信阳 has no lottery figure: 0
    expect(s2(f.sourcesTotal)).toBe('3000.00');
    // 300000 fen × 7080/11960 = 177591.97, × 4880/11960 = 122408.03: floors 177591 + 122408 = 299999, the last fen to 浉河区 (.97).
    expect(s2(f.districts['浉河区'].sources)).toBe('1775.92');
    expect(s2(f.districts['平桥区'].sources)).toBe('1224.08');
    // Fiscal: 7080 − 1775.92 = 5304.08; 4880 − 1224.08 = 3655.92.
    expect(s2(f.districts['浉河区'].fiscal)).toBe('5304.08');
    expect(s2(f.districts['平桥区'].fiscal)).toBe('3655.92');
    // 1:9: city 530.408 → 530.41, district 4773.67; city 365.592 → 365.59, district 3290.33.
    expect(s2(f.districts['浉河区'].city)).toBe('530.41');
    expect(s2(f.districts['浉河区'].district)).toBe('4773.67');
    expect(s2(f.districts['平桥区'].city)).toBe('365.59');
    expect(s2(f.districts['平桥区'].district)).toBe('3290.33');
    expect(s2(f.city)).toBe('896.00');
    expect(s2(f.districtTotal)).toBe('8064.00');
    expect(s2(f.fiscal)).toBe('8960.00'); // 11960 − 3000
    expect(f.ratio).toBe('1:9');
    expect(f.origin.ratio).toBe('default');
  });

  test('sources above the need: no fiscal share, the surplus is reported', () => {
    const r = project({ ...XY, people, visits, funding: { donations: '2万' } });
    expect(s2(r.funding.allocated)).toBe('11960.00');
    expect(s2(r.funding.surplus)).toBe('8040.00');
    expect(s2(r.funding.fiscal)).toBe('0.00');
    expect(s2(r.funding.city)).toBe('0.00');
  });

  test('a ratio given as input replaces the default', () => {
    const r = project({ ...XY, people, visits, funding: { ratio: '3:7' } });
    // 浉河区 7080 × 3/10 = 2124.00; 平桥区 4880 × 0.3 = 1464.00.
    expect(s2(r.funding.districts['浉河区'].city)).toBe('2124.00');
    expect(s2(r.funding.city)).toBe('3588.00');
    expect(r.funding.origin.ratio).toBe('input');
  });

  test('Weihai: lottery 2,000,000 and the 1:9 split come from the policy (威医保发〔2019〕25号 四、(一) 3)', () => {
    // 重点救助对象 20000 in the first bracket at 70% = 14000.00 (二、(三)).
    const p = person('W1', '重点救助对象', '环翠区', 300);
    const r = project({ region: '威海', year: 2020, people: [p], visits: [visit(60, 'W1', '2020-03-03', 'inpatient', 20000)] });
    expect(s2(r.funding.lottery)).toBe('2000000.00');
    expect(r.funding.origin.lottery).toBe('policy');
    expect(r.funding.origin.ratio).toBe('policy');
    expect(s2(r.totals.overall.assistance.total)).toBe('14000.00');
    // The first-tier premium is paid (二、(一)): the 300 given is taken as the first tier.
    expect(s2(r.totals.overall.premiumSubsidy)).toBe('300.00');
    expect(s2(r.funding.fiscal)).toBe('0.00');
    expect(s2(r.funding.surplus)).toBe(s2(r.funding.lottery.minus('14300')));
  });
});

describe('rows that cannot be computed are reported, never dropped', () => {
  test('Shanxi 低保边缘: deductible is 25 % of last year’s income, not supplied → every row of the person listed (ruling 5)', () => {
    const people = [person('F1', '低保边缘家庭成员', '太原', 350, 5), person('F2', '低保对象', '太原', 350, 6)];
    const visits = [visit(70, 'F1', '2022-02-02', 'inpatient', 9000), visit(71, 'F1', '2022-03-03', 'inpatient', 1000), visit(72, 'F2', '2022-03-03', 'inpatient', 1000)];
    const r = project({ region: '山西', year: 2022, people, visits });
    const rows = r.problems.filter((p) => p.part === 'assistance').map((p) => `${p.table}:${p.rowNumber}:${p.code}`);
    expect(rows).toEqual(['people:5:MISSING_INCOME', 'visits:70:MISSING_INCOME', 'visits:71:MISSING_INCOME']);
    expect(r.problems[0].zh).toContain('第 5 行');
    expect(r.problems[0].en).toContain('row 5');
    // The other person is computed: 低保 70% × 1000 = 700.00 (山西 答记者问：合理确定住院救助水平).
    expect(r.visits.map((v) => v.visit.rowNumber)).toEqual([72]);
    expect(s2(r.totals.overall.assistance.total)).toBe('700.00');
    // F1's premium subsidy is a separate part: 低保边缘 has no Shanxi subsidy tier → 0, computed.
    expect(r.people.find((p) => p.person.id === 'F1')!.premiumComputed).toBe(true);
  });

  test('an outpatient scheme the region does not have, a visit of an unknown person, a visit of another year', () => {
    const people = [person('G1', '低保对象', '浉河区', 380, 8)];
    const visits = [
      visit(80, 'G1', '2024-02-02', 'outpatient', 500, { scheme: '普通门诊慢病' }),
      visit(81, 'NOPE', '2024-02-02', 'inpatient', 500),
      visit(82, 'G1', '2023-12-31', 'inpatient', 500),
    ];
    const r = project({ ...XY, people, visits });
    const codes = r.problems.map((p) => `${p.table}:${p.rowNumber}:${p.code}`);
    expect(codes).toEqual(['people:8:UNKNOWN_SCHEME', 'visits:80:UNKNOWN_SCHEME', 'visits:81:ROSTER_UNKNOWN_PERSON', 'visits:82:ROSTER_DATE_OUT_OF_YEAR']);
    expect(r.visits).toHaveLength(0);
    // The premium subsidy of G1 is still computed (80, ruling 8).
    expect(s2(r.totals.overall.premiumSubsidy)).toBe('80.00');
  });

  test('信阳 农村易返贫致贫人口: the subsidy amount is delegated — the subsidy is reported, the assistance still counts (ruling 8)', () => {
    const r = project({ ...XY, people: [person('H1', '农村易返贫致贫人口', '息县', 380, 9)], visits: [visit(90, 'H1', '2024-05-05', 'inpatient', 5400)] });
    expect(r.problems.map((p) => `${p.rowNumber}:${p.part}:${p.code}`)).toEqual(['9:premiumSubsidy:MISSING_PARAMETER']);
    // (5400 − 2400) × 65% = 1950.00 (二、二是, same terms as 低保边缘).
    expect(s2(r.totals.overall.assistance.total)).toBe('1950.00');
    expect(s2(r.totals.overall.premiumSubsidy)).toBe('0.00');
  });

  test('a duplicate person row is reported, the first row is used', () => {
    const r = project({ ...XY, people: [person('I1', '低保对象', '浉河区', 380, 3), person('I1', '特困人员', '浉河区', 380, 4)], visits: [] });
    expect(r.problems.map((p) => `${p.rowNumber}:${p.code}`)).toEqual(['4:ROSTER_DUPLICATE_ID']);
    expect(r.people).toHaveLength(1);
    expect(s2(r.totals.overall.premiumSubsidy)).toBe('80.00');
  });
});
