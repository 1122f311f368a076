import { detectHost, excelApiSupported } from '../../../src/taskpane/host/detectHost';

describe('detectHost', () => {
  test('no Office object (office.js failed to load): file mode', async () => {
    expect(await detectHost(undefined)).toBe('file');
  });
  test('Office.onReady reports Excel: office mode', async () => {
    const office = { HostType: { Excel: 'Excel' }, onReady: (cb?: (i: { host: unknown }) => void) => setTimeout(() => cb?.({ host: 'Excel' }), 1) };
    expect(await detectHost(office)).toBe('office');
  });
  test('office.js loaded in a plain browser (host null): file mode', async () => {
    const office = { HostType: { Excel: 'Excel' }, onReady: (cb?: (i: { host: unknown }) => void) => cb?.({ host: null }) };
    expect(await detectHost(office)).toBe('file');
  });
  // Issue 13 item 5: inside Excel a slow Office start must not drop the pane into file mode.
  test('Office answers after 5 s (slower than the old 3 s timeout): still office mode, with a waiting notice', async () => {
    jest.useFakeTimers();
    try {
      const office = { HostType: { Excel: 'Excel' }, onReady: (cb?: (i: { host: unknown }) => void) => setTimeout(() => cb?.({ host: 'Excel' }), 5000) };
      let slow = 0;
      const p = detectHost(office, { onSlow: () => slow++ });
      jest.advanceTimersByTime(5000);
      expect(await p).toBe('office');
      expect(slow).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });
  test('the ExcelApi set the pane needs is checked', () => {
    const asked: string[] = [];
    const office = (ok: boolean) => ({ context: { requirements: { isSetSupported: (n: string, v?: string) => (asked.push(`${n} ${v}`), ok) } } });
    expect(excelApiSupported(office(true))).toBe(true);
    expect(excelApiSupported(office(false))).toBe(false);
    expect(excelApiSupported(undefined)).toBe(false);
    expect(asked).toEqual(['ExcelApi 1.12', 'ExcelApi 1.12']);
  });
  test('onReady throws: file mode', async () => {
    const office = { onReady: () => { throw new Error('x'); } };
    expect(await detectHost(office)).toBe('file');
  });
});
