/**
 * A small Excel workbook for OfficeHost tests, built from office-addin-mock's
 * OfficeMockObject: properties must be load()ed and sync()ed before they can be read, as
 * in Office.js, and every write lands in the workbook only at context.sync(). The
 * workbook keeps cells per sheet so tests can check what was (and was not) touched.
 */
import { OfficeMockObject } from 'office-addin-mock';

export interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, unknown>;
  formats: Map<string, string>;
  charts: { type: string; title?: string; source: string }[];
  frozenRows?: number;
  /** Worksheet.customProperties: saved with the sheet, so they survive reopening. */
  props: Map<string, string>;
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  selection: { sheet: string; row: number; col: number; values: unknown[][] };
  syncs: number;
  /** Largest number of cells one sync wrote or read. */
  maxCellsPerSync: number;
  run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** Workbook.settings (Excel.SettingCollection), saved with the workbook. */
  settings: { store: Record<string, unknown>; writes: number };
  /** Values of a sheet's block as a grid (for assertions). */
  grid(sheet: string, rows: number, cols: number): unknown[][];
}

const key = (r: number, c: number) => `${r},${c}`;

type Mock = { setValue(n: string, v: unknown): void };

/** Gives a mock property its value as the host's next sync would: set, then loaded. */
function provide(mock: OfficeMockObject, name: string, value: unknown, load: (p: string) => unknown): void {
  (mock as unknown as Mock).setValue(name, value);
  load(name);
}

export function fakeWorkbook(initial: { name: string; values?: unknown[][] }[]): FakeWorkbook {
  let nextId = 1;
  const wb: FakeWorkbook = {
    sheets: [],
    selection: { sheet: '', row: 0, col: 0, values: [] },
    syncs: 0,
    maxCellsPerSync: 0,
    run: async (batch) => batch(context()),
    settings: { store: {}, writes: 0 },
    grid(name, rows, cols) {
      const s = wb.sheets.find((x) => x.name === name)!;
      return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.cells.get(key(r, c)) ?? ''));
    },
  };
  const makeSheet = (name: string): FakeSheet => ({ id: `{sheet-${nextId++}}`, name, cells: new Map(), formats: new Map(), charts: [], props: new Map() });
  const addSheet = (name: string, values: unknown[][] = []): FakeSheet => {
    const s = makeSheet(name);
    values.forEach((row, r) => row.forEach((v, c) => v !== '' && v !== null && s.cells.set(key(r, c), v)));
    wb.sheets.push(s);
    return s;
  };
  for (const s of initial) addSheet(s.name, s.values);

  function context(): Excel.RequestContext {
    /** Work queued until the next sync, in order, as Office.js batches it. */
    let queue: (() => void)[] = [];
    const mocks: OfficeMockObject[] = [];
    /** Where each range is (the fake's own record: reading unloaded mock properties fails, as in Office). */
    const where = new WeakMap<object, string>();
    let cellsThisSync = 0;

    const rangeMock = (sheet: () => FakeSheet, row: number, col: number, rows: number, cols: number) => {
      const m = new OfficeMockObject({
        values: [] as unknown[][],
        rowIndex: row,
        columnIndex: col,
        rowCount: rows,
        columnCount: cols,
        isNullObject: false,
        format: { font: { bold: false }, autofitColumns: () => undefined },
      }) as unknown as Record<string, unknown> & OfficeMockObject;
      mocks.push(m);
      where.set(m, `${row},${col}:${rows}x${cols}`);
      // Reads: the values become visible after load + sync.
      const readValues = () => {
        const s = sheet();
        cellsThisSync += rows * cols;
        return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.cells.get(key(row + r, col + c)) ?? ''));
      };
      const load = (m as unknown as { load: (p: unknown) => unknown }).load.bind(m);
      (m as unknown as { load: (p: string) => unknown }).load = (p: string) => {
        if (String(p).includes('values')) queue.push(() => provide(m, 'values', readValues(), load));
        return load(p);
      };
      // Writes: assignments are recorded and applied at sync.
      let written: unknown[][] | undefined;
      let formats: unknown;
      Object.defineProperty(m, 'values', {
        get: () => (written ? written : (m as unknown as { _properties: Map<string, { _value: unknown }> })._properties.get('values')!._value),
        set: (v: unknown[][]) => {
          if (!Array.isArray(v)) return; // the mock's own bookkeeping on sync, not a write
          written = v;
          queue.push(() => {
            const s = sheet();
            cellsThisSync += v.length * (v[0]?.length ?? 0);
            v.forEach((line, r) => line.forEach((x, c) => (x === '' ? s.cells.delete(key(row + r, col + c)) : s.cells.set(key(row + r, col + c), x))));
          });
        },
        configurable: true,
      });
      Object.defineProperty(m, 'numberFormat', {
        get: () => formats,
        set: (v: string[][]) => {
          if (!Array.isArray(v)) return;
          formats = v;
          queue.push(() => v.forEach((line, r) => line.forEach((f, c) => sheet().formats.set(key(row + r, col + c), f))));
        },
        configurable: true,
      });
      return m as unknown as Excel.Range;
    };

    const sheetMock = (s: FakeSheet) => {
      const m = new OfficeMockObject({
        id: s.id,
        name: s.name,
        freezePanes: { freezeRows: (n: number) => queue.push(() => (s.frozenRows = n)) },
      }) as unknown as Record<string, unknown> & OfficeMockObject;
      mocks.push(m);
      Object.defineProperty(m, 'name', {
        get: () => s.name,
        set: (v: string) => queue.push(() => (s.name = v)),
        configurable: true,
      });
      Object.defineProperty(m, 'id', { get: () => s.id, configurable: true });
      Object.assign(m, {
        customProperties: {
          getItemOrNullObject: (k: string) => {
            const p = new OfficeMockObject({ key: k, value: '', isNullObject: true });
            mocks.push(p);
            const loadP = (p as unknown as { load: (x: string) => unknown }).load.bind(p);
            (p as unknown as { load: (x: string) => unknown }).load = (x: string) => {
              queue.push(() => {
                const v = s.props.get(k);
                // isNullObject needs no load() in Office.js: provide it with the value.
                provide(p, 'isNullObject', v === undefined, loadP);
                provide(p, 'value', v ?? '', loadP);
              });
              return loadP(x);
            };
            return p;
          },
          add: (k: string, v: string) => queue.push(() => s.props.set(k, v)),
        },
        delete: () => queue.push(() => (wb.sheets = wb.sheets.filter((x) => x !== s))),
        activate: () => undefined,
        getRangeByIndexes: (r: number, c: number, n: number, k: number) => rangeMock(() => s, r, c, n, k),
        getUsedRangeOrNullObject: () => {
          let maxR = -1;
          let maxC = -1;
          let minR = Infinity;
          let minC = Infinity;
          for (const k of s.cells.keys()) {
            const [r, c] = k.split(',').map(Number);
            maxR = Math.max(maxR, r);
            maxC = Math.max(maxC, c);
            minR = Math.min(minR, r);
            minC = Math.min(minC, c);
          }
          const rm = rangeMock(() => s, minR, minC, maxR - minR + 1, maxC - minC + 1) as unknown as OfficeMockObject;
          // As in Office.js, isNullObject is there after the sync with no load() asked for.
          const loadRm = (rm as unknown as { load: (p: string) => unknown }).load.bind(rm);
          queue.push(() => provide(rm, 'isNullObject', maxR < 0, loadRm));
          return rm;
        },
        charts: {
          add: (type: string, source: Excel.Range) => {
            const chart = { type, title: { text: '' }, setPosition: () => undefined };
            queue.push(() => s.charts.push({ type, title: chart.title.text, source: where.get(source as unknown as object) ?? '?' }));
            return chart;
          },
        },
      });
      return m as unknown as Excel.Worksheet;
    };

    const byNameOrId = (x: string) => {
      const s = wb.sheets.find((q) => q.id === x || q.name.toLowerCase() === x.toLowerCase());
      if (!s) throw new Error(`ItemNotFound: ${x}`);
      return s;
    };

    const worksheets = new OfficeMockObject({ items: [] as unknown[] }) as unknown as Record<string, unknown> & OfficeMockObject;
    mocks.push(worksheets);
    const loadSheets = (worksheets as unknown as { load: (p: string) => unknown }).load.bind(worksheets);
    Object.assign(worksheets, {
      load: () => {
        queue.push(() => provide(worksheets, 'items', wb.sheets.map(sheetMock), loadSheets));
        return worksheets;
      },
      getItem: (x: string) => sheetMock(byNameOrId(x)),
      add: (name: string) => {
        const s = makeSheet(name);
        queue.push(() => {
          // As in Excel: a clashing name fails the batch at sync.
          if (wb.sheets.some((q) => q.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
          wb.sheets.push(s);
        });
        return sheetMock(s);
      },
    });

    const settings = {
      getItemOrNullObject: (k: string) => {
        const p = new OfficeMockObject({ key: k, value: '', isNullObject: true });
        mocks.push(p);
        const loadP = (p as unknown as { load: (x: string) => unknown }).load.bind(p);
        (p as unknown as { load: (x: string) => unknown }).load = (x: string) => {
          queue.push(() => {
            const has = Object.prototype.hasOwnProperty.call(wb.settings.store, k);
            provide(p, 'isNullObject', !has, loadP);
            provide(p, 'value', has ? wb.settings.store[k] : '', loadP);
          });
          return loadP(x);
        };
        return p;
      },
      add: (k: string, v: unknown) =>
        queue.push(() => {
          wb.settings.store[k] = v;
          wb.settings.writes++;
        }),
    };
    const ctx = new OfficeMockObject({
      workbook: {
        getSelectedRange: () => {
          const sel = wb.selection;
          const s = byNameOrId(sel.sheet);
          const r = rangeMock(() => s, sel.row, sel.col, sel.values.length, sel.values[0]?.length ?? 0) as unknown as Record<string, unknown>;
          r.worksheet = sheetMock(s);
          return r;
        },
      },
    }) as unknown as Record<string, unknown> & OfficeMockObject;
    (ctx.workbook as Record<string, unknown>).worksheets = worksheets;
    (ctx.workbook as Record<string, unknown>).settings = settings;
    ctx.sync = async () => {
      cellsThisSync = 0;
      const q = queue;
      queue = [];
      for (const f of q) f();
      for (const m of mocks) await m.sync();
      wb.syncs++;
      wb.maxCellsPerSync = Math.max(wb.maxCellsPerSync, cellsThisSync);
    };
    return ctx as unknown as Excel.RequestContext;
  }
  return wb;
}
