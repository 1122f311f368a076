import { detectHost } from '../../../src/taskpane/host/detectHost';

describe('detectHost', () => {
  test('no Office object (office.js failed to load): file mode', async () => {
    expect(await detectHost(undefined, 10)).toBe('file');
  });
  test('Office.onReady reports Excel: office mode', async () => {
    const office = { HostType: { Excel: 'Excel' }, onReady: (cb?: (i: { host: unknown }) => void) => setTimeout(() => cb?.({ host: 'Excel' }), 1) };
    expect(await detectHost(office, 1000)).toBe('office');
  });
  test('office.js loaded in a plain browser (host null): file mode', async () => {
    const office = { HostType: { Excel: 'Excel' }, onReady: (cb?: (i: { host: unknown }) => void) => cb?.({ host: null }) };
    expect(await detectHost(office, 1000)).toBe('file');
  });
  test('onReady never fires: file mode after the timeout, nothing hangs', async () => {
    const office = { onReady: () => undefined };
    expect(await detectHost(office, 20)).toBe('file');
  });
  test('onReady throws: file mode', async () => {
    const office = { onReady: () => { throw new Error('x'); } };
    expect(await detectHost(office, 1000)).toBe('file');
  });
});
