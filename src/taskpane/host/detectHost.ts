/**
 * Inside Excel or in a plain browser? office.js comes from Microsoft's CDN; in a browser
 * without network (or opened straight from disk) it is missing, and in a browser with
 * network it loads but Office.onReady reports no host. Either way the pane falls back to
 * file mode, and a late or never-firing onReady cannot hold the page up.
 */
export type Detected = 'office' | 'file';

export const OFFICE_READY_TIMEOUT_MS = 3000;

interface OfficeLike {
  onReady?: (cb?: (info: { host: unknown }) => void) => unknown;
  HostType?: { Excel?: unknown };
}

export function detectHost(office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office, timeoutMs = OFFICE_READY_TIMEOUT_MS): Promise<Detected> {
  if (!office || typeof office.onReady !== 'function') return Promise.resolve('file');
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('file'), timeoutMs);
    try {
      office.onReady!((info) => {
        clearTimeout(timer);
        resolve(info && info.host !== null && info.host !== undefined && info.host === (office.HostType?.Excel ?? 'Excel') ? 'office' : 'file');
      });
    } catch {
      clearTimeout(timer);
      resolve('file');
    }
  });
}
