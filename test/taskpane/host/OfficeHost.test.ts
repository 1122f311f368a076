/**
 * OfficeHost against an office-addin-mock workbook (fakeExcel.ts): reading a sheet and a
 * selection with the row numbers the user sees, writing results as NEW sheets only,
 * re-runs replacing only the add-in's own sheets, IDs written as text, payloads chunked,
 * and scenarios kept in the document settings.
 */
// office-addin-mock needs only the OfficeApp names from office-addin-manifest, whose own
// dependencies are ES modules jest (CommonJS) cannot load: give it just those names.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' },
}));

import { CHUNK_CELLS, FIGURES_SETTING, OfficeHost, SCENARIOS_SETTING } from '../../../src/taskpane/host/OfficeHost';
import { OWN_SHEET_PROPERTY, parseMarker, parseResultRecord, RESULT_SHEETS_SETTING } from '../../../src/taskpane/host/ownSheets';
import type { FakeSheet } from './fakeExcel';
import { WriteCancelled, type ResultBook } from '../../../src/taskpane/host/Host';
import { fakeWorkbook } from './fakeExcel';

const PEOPLE = [
  ['名册', '', '', ''],
  ['身份证号', '姓名', '人员类别', '区县'],
  ['41152219640620205X', '刘云', '特困人员', '光山县'],
  ['411524194203289881', '严辉丽', '低保对象', '商城县'],
];

const noPause = () => Promise.resolve();

function book(rows = 3): ResultBook {
  return {
    sheets: [
      { key: 'summary', title: '汇总', rows: [['区县', '救助'], ['光山县', 100.5], ['商城县', 200]], moneyColumns: [1] },
      { key: 'people', title: '人员', rows: [['身份证号', '姓名'], ...Array.from({ length: rows - 1 }, (_, i) => [`41152219640620${String(i).padStart(4, '0')}`, `人${i}`])], textColumns: [0] },
    ],
    charts: [{ sheetKey: 'summary', kind: 'column', title: '各区县', headerRow: 0, lastRow: 2, labelColumn: 0, valueColumns: [1] }],
  };
}

describe('OfficeHost', () => {
  test('reads a used range as a roster table, with the sheet name and the row numbers the user sees', async () => {
    const wb = fakeWorkbook([{ name: '人员', values: PEOPLE }, { name: '就诊' }]);
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    expect(await host.listSheets()).toEqual([{ name: '人员', own: false }, { name: '就诊', own: false }]);
    const t = await host.readSheet('人员');
    expect(t.sheet).toBe('人员');
    expect(t.headerRow).toBe(2); // the title row 1 is above the header
    expect(t.header).toEqual(['身份证号', '姓名', '人员类别', '区县']);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([3, 4]);
    expect(t.rows[0].cells[0]).toBe('41152219640620205X');
  });

  test('reads the selection from where it starts (row and column offsets kept)', async () => {
    const wb = fakeWorkbook([{ name: 'Data' }]);
    wb.selection = { sheet: 'Data', row: 4, col: 2, values: PEOPLE.slice(1) };
    // put the selection's values into the sheet at C5
    PEOPLE.slice(1).forEach((line, r) => line.forEach((v, c) => wb.sheets[0].cells.set(`${4 + r},${2 + c}`, v)));
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    const t = await host.readSelection();
    expect(t.sheet).toBe('Data');
    expect(t.headerRow).toBe(5);
    expect(t.firstColumn).toBe(2); // column C
    expect(t.rows.map((r) => r.rowNumber)).toEqual([6, 7]);
  });

  test('reads a large range in chunks below the payload limit', async () => {
    const rows = [['身份证号', '姓名'], ...Array.from({ length: 30000 }, (_, i) => [`id${i}`, `n${i}`])];
    const wb = fakeWorkbook([{ name: 'Big', values: rows }]);
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    const t = await host.readSheet('Big');
    expect(t.rows.length).toBe(30000);
    expect(t.rows[29999].cells).toEqual(['id29999', 'n29999']);
    expect(wb.maxCellsPerSync).toBeLessThanOrEqual(CHUNK_CELLS);
  });

  test('writes results as new prefixed sheets, IDs as text, and leaves user sheets untouched', async () => {
    const wb = fakeWorkbook([{ name: '人员', values: PEOPLE }]);
    const before = new Map(wb.sheets[0].cells);
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    const out = await host.writeResult(book());
    expect(out.written).toEqual(['救助测算-汇总', '救助测算-人员']);
    expect(out.replaced).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(['人员', '救助测算-汇总', '救助测算-人员']);
    expect(wb.sheets[0].cells).toEqual(before);
    const people = wb.sheets[2];
    expect(people.cells.get('1,0')).toBe('411522196406200000');
    expect(typeof people.cells.get('1,0')).toBe('string');
    expect(people.formats.get('1,0')).toBe('@');
    expect(wb.sheets[1].formats.get('1,1')).toBe('#,##0.00');
    expect(wb.sheets[1].charts).toEqual([{ type: 'ColumnClustered', title: '各区县', source: '0,0:3x2' }]);
    // Each result sheet carries our marker inside it (not an id list kept elsewhere).
    expect(wb.sheets[0].props.size).toBe(0);
    expect(parseMarker(wb.sheets[1].props.get(OWN_SHEET_PROPERTY))?.key).toBe('summary');
    expect(parseMarker(wb.sheets[2].props.get(OWN_SHEET_PROPERTY))?.key).toBe('people');
  });

  test('a re-run replaces only its own sheets; a user sheet with the same name is kept and the new one renamed', async () => {
    const wb = fakeWorkbook([{ name: '人员', values: PEOPLE }, { name: '救助测算-人员', values: [['我的笔记']] }]);
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    const first = await host.writeResult(book());
    expect(first.written).toEqual(['救助测算-汇总', '救助测算-人员 (2)']);
    const idsFirst = wb.sheets.slice(2).map((s) => s.id);
    const second = await host.writeResult(book());
    expect(second.replaced).toEqual(['救助测算-汇总', '救助测算-人员 (2)']);
    expect(second.written).toEqual(['救助测算-汇总', '救助测算-人员 (2)']);
    expect(wb.sheets.map((s) => s.name)).toEqual(['人员', '救助测算-人员', '救助测算-汇总', '救助测算-人员 (2)']);
    expect(wb.sheets.find((s) => s.name === '救助测算-人员')!.cells.get('0,0')).toBe('我的笔记');
    expect(wb.sheets.slice(2).some((s) => idsFirst.includes(s.id))).toBe(false);
    expect(await host.listSheets()).toEqual([
      { name: '人员', own: false },
      { name: '救助测算-人员', own: false },
      { name: '救助测算-汇总', own: true },
      { name: '救助测算-人员 (2)', own: true },
    ]);
  });

  test('when only its own sheets are left, the old ones go after the new ones exist', async () => {
    const wb = fakeWorkbook([{ name: 'Sheet1' }]);
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    await host.writeResult(book());
    wb.sheets = wb.sheets.filter((s) => s.name !== 'Sheet1'); // the user deleted their sheet
    await host.writeResult(book());
    expect(wb.sheets.map((s) => s.name)).toEqual(['救助测算-汇总', '救助测算-人员']);
  });

  test('writes a large sheet in chunks below the payload limit', async () => {
    const wb = fakeWorkbook([{ name: 'S' }]);
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    const progress: number[] = [];
    await host.writeResult(book(25000), (done) => progress.push(done));
    expect(wb.sheets[2].cells.get('24999,1')).toBe('人24998');
    expect(wb.maxCellsPerSync).toBeLessThanOrEqual(CHUNK_CELLS);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  test('English prefix when the pane is in English', async () => {
    const wb = fakeWorkbook([{ name: 'S' }]);
    const host = new OfficeHost({ run: wb.run, lang: () => 'en', pause: noPause });
    const out = await host.writeResult(book());
    expect(out.written).toEqual(['MedAid-汇总', 'MedAid-人员']);
  });

  test('scenarios round-trip through the document settings', async () => {
    const wb = fakeWorkbook([{ name: 'S' }]);
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    expect(await host.loadScenarios()).toBeUndefined();
    const set = { scenarios: [{ name: '低保75', overrides: { 'xinyang-2024': { 'inpatient.tiers.dibao_returned.ratio': 0.75 } } }] };
    await host.saveScenarios(set);
    // In Workbook.settings (Excel's own collection), as text.
    expect(typeof wb.settings.store[SCENARIOS_SETTING]).toBe('string');
    expect(wb.settings.store[FIGURES_SETTING]).toBe('');
    const again = await new OfficeHost({ run: wb.run, pause: noPause }).loadScenarios();
    expect(again).toEqual(set);
  });

  test('the analyst’s figures are saved with the scenarios, and removed when cleared', async () => {
    const wb = fakeWorkbook([{ name: 'S' }]);
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    // 信医保办〔2024〕52号 二、一是: the delegated 农村易返贫致贫人口 amount, supplied as 100.
    const figures = { parameters: { 'xinyang-2024': { 'premium.tiers.monitored.amount': 100 } }, policies: [] };
    const set = { scenarios: [], figures };
    await host.saveScenarios(set);
    expect(await new OfficeHost({ run: wb.run, pause: noPause }).loadScenarios()).toEqual(set);
    await host.saveScenarios({ scenarios: [] });
    expect(await new OfficeHost({ run: wb.run, pause: noPause }).loadScenarios()).toEqual({ scenarios: [] });
  });

  // Issue 13 item 1: Worksheet.id is no proof across sessions.
  test('after reopening, a user sheet that got an id our sheet once had is never touched; only marked result sheets are replaced', async () => {
    const wb = fakeWorkbook([{ name: '人员', values: PEOPLE }]);
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    await host.writeResult(book());
    const [, summary, people] = wb.sheets;
    // The user adds a sheet of their own; the workbook is closed and reopened, and Excel
    // hands out ids afresh: the user's sheet now has the id our summary sheet had.
    const mine = { id: summary.id, name: '我的汇总', cells: new Map<string, unknown>([['0,0', '手工核对']]), formats: new Map(), charts: [], props: new Map<string, string>() };
    summary.id = '{reopened-1}';
    people.id = '{reopened-2}';
    wb.sheets.push(mine);
    const out = await host.writeResult(book());
    expect(out.replaced).toEqual(['救助测算-汇总', '救助测算-人员']);
    expect(wb.sheets).toContain(mine);
    expect(mine.cells.get('0,0')).toBe('手工核对');
    expect(wb.sheets.map((s) => s.name)).toEqual(['人员', '我的汇总', '救助测算-汇总', '救助测算-人员']);
  });

  test('a sheet needs both our marker and a result name: a renamed result sheet and a marked user-named sheet are kept', async () => {
    const wb = fakeWorkbook([{ name: '人员', values: PEOPLE }]);
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    await host.writeResult(book());
    wb.sheets[1].name = '2024 上报版'; // the analyst renamed our summary to keep it
    wb.sheets[1].cells.set('5,5', '批注');
    // A user's sheet with a result-like name and a look-alike property that is not our marker.
    wb.sheets.push({ id: '{u}', name: 'MedAid-notes', cells: new Map([['0,0', 'x']]), formats: new Map(), charts: [], props: new Map([[OWN_SHEET_PROPERTY, 'mine']]) });
    expect((await host.listSheets()).filter((s) => s.own).map((s) => s.name)).toEqual(['救助测算-人员']);
    const out = await host.writeResult(book());
    expect(out.replaced).toEqual(['救助测算-人员']);
    expect(wb.sheets.find((s) => s.name === '2024 上报版')!.cells.get('5,5')).toBe('批注');
    expect(wb.sheets.find((s) => s.name === 'MedAid-notes')!.cells.get('0,0')).toBe('x');
  });

  /** What Excel's Move or Copy gives: the sheet's cells and custom properties under a new name and id. */
  function copyOf(s: FakeSheet, name: string, id: string): FakeSheet {
    return { id, name, cells: new Map(s.cells), formats: new Map(s.formats), charts: [], props: new Map(s.props) };
  }

  test('the run and each sheet name are recorded in Workbook.settings next to the markers', async () => {
    const wb = fakeWorkbook([{ name: '人员', values: PEOPLE }]);
    const host = new OfficeHost({ run: wb.run, pause: noPause, now: () => new Date('2026-12-04T02:00:00Z'), random: () => 0.5 });
    await host.writeResult(book());
    const record = parseResultRecord(wb.settings.store[RESULT_SHEETS_SETTING]);
    expect(record?.run).toBe('2026-12-04T02:00:00.000Z~' + Math.floor(0.5 * 36 ** 8).toString(36));
    expect(record?.sheets).toEqual([
      { key: 'summary', name: '救助测算-汇总' },
      { key: 'people', name: '救助测算-人员' },
    ]);
    expect(parseMarker(wb.sheets[1].props.get(OWN_SHEET_PROPERTY))?.run).toBe(record?.run);
  });

  test('a user’s copy of a result sheet (same marker, result-like name) is never deleted or replaced', async () => {
    const wb = fakeWorkbook([{ name: '人员', values: PEOPLE }]);
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    await host.writeResult(book());
    // The analyst copies our summary to annotate it: Excel names the copy "… (2)".
    const copy = copyOf(wb.sheets[1], '救助测算-汇总 (2)', '{copy}');
    copy.cells.set('9,0', '我的批注');
    wb.sheets.push(copy);
    expect(parseMarker(copy.props.get(OWN_SHEET_PROPERTY))).toBeDefined(); // the marker came along
    expect((await host.listSheets()).filter((s) => s.own).map((s) => s.name)).toEqual(['救助测算-汇总', '救助测算-人员']);
    const out = await host.writeResult(book());
    expect(out.replaced).toEqual(['救助测算-汇总', '救助测算-人员']);
    expect(wb.sheets).toContain(copy);
    expect(copy.cells.get('9,0')).toBe('我的批注');
    expect(copy.name).toBe('救助测算-汇总 (2)');
    // The new summary takes the free name; the copy's name is not reused.
    expect(out.written).toEqual(['救助测算-汇总', '救助测算-人员']);
    // And a third run still leaves the copy alone (its run is an old one now, too).
    await host.writeResult(book());
    expect(wb.sheets.filter((s) => s === copy)).toHaveLength(1);
    expect(wb.sheets.map((s) => s.name)).toEqual(['人员', '救助测算-汇总 (2)', '救助测算-汇总', '救助测算-人员']);
  });

  test('a copy that took the original’s name after the original was deleted is not ours once a later run wrote', async () => {
    const wb = fakeWorkbook([{ name: '人员', values: PEOPLE }]);
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    await host.writeResult(book());
    const kept = copyOf(wb.sheets[2], '救助测算-人员 (2)', '{copy}');
    wb.sheets.push(kept);
    await host.writeResult(book()); // a new run: the copy carries the first run's marker
    // The analyst deletes the new sheet and gives the old copy its name.
    wb.sheets = wb.sheets.filter((s) => s.name !== '救助测算-人员');
    kept.name = '救助测算-人员';
    expect((await host.listSheets()).find((s) => s.name === '救助测算-人员')?.own).toBe(false);
    const out = await host.writeResult(book());
    expect(out.replaced).toEqual(['救助测算-汇总']);
    expect(wb.sheets).toContain(kept);
    expect(out.written).toEqual(['救助测算-汇总', '救助测算-人员 (2)']);
  });

  test('result sheets copied into another workbook are not ours there (no run recorded in its settings)', async () => {
    const source = fakeWorkbook([{ name: '人员', values: PEOPLE }]);
    await new OfficeHost({ run: source.run, pause: noPause }).writeResult(book());
    const other = fakeWorkbook([{ name: '底稿' }]);
    const copies = source.sheets.slice(1).map((s, i) => copyOf(s, s.name, `{other-${i}}`));
    other.sheets.push(...copies);
    const host = new OfficeHost({ run: other.run, pause: noPause });
    expect((await host.listSheets()).some((s) => s.own)).toBe(false);
    const out = await host.writeResult(book());
    expect(out.replaced).toEqual([]);
    expect(out.written).toEqual(['救助测算-汇总 (2)', '救助测算-人员 (2)']);
    copies.forEach((c) => expect(other.sheets).toContain(c));
  });

  test('a user sheet renamed to a result name that received a result sheet’s old id is never touched', async () => {
    const wb = fakeWorkbook([{ name: '人员', values: PEOPLE }, { name: '我的表', values: [['手工']] }]);
    const host = new OfficeHost({ run: wb.run, pause: noPause });
    await host.writeResult(book());
    const summary = wb.sheets.find((s) => s.name === '救助测算-汇总')!;
    const mine = wb.sheets.find((s) => s.name === '我的表')!;
    // The analyst deletes our summary and renames their own sheet to its name; after reopening
    // Excel has given their sheet the id the summary had.
    wb.sheets = wb.sheets.filter((s) => s !== summary);
    mine.name = '救助测算-汇总';
    mine.id = summary.id;
    const out = await host.writeResult(book());
    expect(out.replaced).toEqual(['救助测算-人员']);
    expect(wb.sheets).toContain(mine);
    expect(mine.cells.get('0,0')).toBe('手工');
    expect(out.written).toEqual(['救助测算-汇总 (2)', '救助测算-人员']);
  });

  describe('Cancel while writing (the pane’s Cancel under Write to workbook)', () => {
    /** A cancel asked for once `cells` cells of this attempt are written (the pane sets it from its Cancel button). */
    const stopAfter = (cells: number) => {
      const stop = { stopped: false };
      return { stop, progress: (done: number) => { if (done >= cells) stop.stopped = true; } };
    };

    test('leaves the user’s sheets untouched and no partial result sheet; the record of result sheets is put back', async () => {
      const wb = fakeWorkbook([{ name: '人员', values: PEOPLE }, { name: '救助测算-人员', values: [['我的笔记']] }]);
      const userCells = wb.sheets.map((s) => new Map(s.cells));
      const host = new OfficeHost({ run: wb.run, pause: noPause });
      const before = { ...wb.settings.store };
      // 25,000 people rows: the 人员 sheet is written in many blocks; stop after the first one.
      const { stop, progress } = stopAfter(1);
      await expect(host.writeResult(book(25000), progress, stop)).rejects.toBeInstanceOf(WriteCancelled);
      expect(wb.sheets.map((s) => s.name)).toEqual(['人员', '救助测算-人员']);
      wb.sheets.forEach((s, i) => expect(s.cells).toEqual(userCells[i]));
      expect(wb.sheets.every((s) => s.props.size === 0)).toBe(true);
      expect(wb.settings.store[RESULT_SHEETS_SETTING] ?? '').toBe(before[RESULT_SHEETS_SETTING] ?? '');
      expect(await host.listSheets()).toEqual([{ name: '人员', own: false }, { name: '救助测算-人员', own: false }]);
      // Written again, it is complete.
      const out = await host.writeResult(book(25000));
      expect(out.written).toEqual(['救助测算-汇总', '救助测算-人员 (2)']);
      expect(wb.sheets.find((s) => s.name === '救助测算-人员 (2)')!.cells.get('24999,1')).toBe('人24998');
      // Cancelled again: the result just written was replaced (deleted first, as every write does) — the error says which.
      const again = stopAfter(1);
      const err = await host.writeResult(book(25000), again.progress, again.stop).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WriteCancelled);
      expect((err as WriteCancelled).replaced).toEqual(['救助测算-汇总', '救助测算-人员 (2)']);
      expect(wb.sheets.map((s) => s.name)).toEqual(['人员', '救助测算-人员']);
    });

    test('a sheet of the attempt the user renamed meanwhile is not proven ours and stays; the others go', async () => {
      const wb = fakeWorkbook([{ name: '人员', values: PEOPLE }]);
      const host = new OfficeHost({ run: wb.run, pause: noPause });
      const stop = { stopped: false };
      await expect(host.writeResult(book(25000), (done) => {
        if (done < 20000) return;
        // The analyst renames the summary sheet (already written) to keep it, then Cancel.
        wb.sheets.find((s) => s.name === '救助测算-汇总')!.name = '我的汇总';
        stop.stopped = true;
      }, stop)).rejects.toBeInstanceOf(WriteCancelled);
      expect(wb.sheets.map((s) => s.name)).toEqual(['人员', '我的汇总']);
      expect(wb.sheets[1].cells.get('1,1')).toBe(100.5);
    });

    test('when every sheet was ours, the earlier result is put back under its names and is ours again', async () => {
      const wb = fakeWorkbook([{ name: 'Sheet1' }]);
      const host = new OfficeHost({ run: wb.run, pause: noPause });
      await host.writeResult(book());
      wb.sheets = wb.sheets.filter((s) => s.name !== 'Sheet1'); // the user deleted their sheet
      const earlier = wb.sheets.map((s) => ({ name: s.name, cells: new Map(s.cells) }));
      const record = wb.settings.store[RESULT_SHEETS_SETTING];
      const { stop, progress } = stopAfter(1);
      await expect(host.writeResult(book(25000), progress, stop)).rejects.toEqual(new WriteCancelled([]));
      expect(wb.sheets.map((s) => ({ name: s.name, cells: s.cells }))).toEqual(earlier);
      expect(wb.settings.store[RESULT_SHEETS_SETTING]).toBe(record);
      expect((await host.listSheets()).map((s) => s.own)).toEqual([true, true]);
    });
  });
});
