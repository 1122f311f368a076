/**
 * Inside Excel or in a plain browser? office.js comes from Microsoft's CDN. In a browser
 * without network (or a page opened straight from disk) it is missing: file mode at once.
 * When it is there, Office.onReady decides, and it is always awaited: inside Excel it resolves
 * with the host once Office has started (however slowly), and in a plain browser it resolves
 * with host null (Microsoft: "Initialize your Office Add-in"). There is no timeout any more: a
 * slow start inside Excel used to drop the pane into file mode after 3 s (issue 13 item 5);
 * now the pane only says that it is waiting (onSlow).
 *
 * Once in Excel, the ExcelApi requirement set the pane needs (EXCEL_API, also declared in
 * manifest.xml) is checked with Office.context.requirements.isSetSupported.
 */
export type Detected = 'office' | 'file';

/** After this long the pane tells the analyst it is still waiting for Office. */
export const OFFICE_SLOW_MS = 3000;

/**
 * The ExcelApi version the pane needs: 1.12 for Worksheet.customProperties (the result-sheet
 * marker, ownSheets.ts); the rest (Workbook.settings 1.4, getRangeByIndexes 1.7, charts,
 * freezePanes) is older. manifest.xml declares the same (test/addin/manifest.test.ts).
 */
export const EXCEL_API = { name: 'ExcelApi', version: '1.12' } as const;

interface OfficeLike {
  onReady?: (cb?: (info: { host: unknown }) => void) => unknown;
  HostType?: { Excel?: unknown };
  context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } };
}

export interface DetectOptions {
  /** Called once when Office has not answered after slowMs. */
  onSlow?: () => void;
  slowMs?: number;
}

export function detectHost(office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office, opts: DetectOptions = {}): Promise<Detected> {
  if (!office || typeof office.onReady !== 'function') return Promise.resolve('file');
  return new Promise((resolve) => {
    const timer = opts.onSlow ? setTimeout(opts.onSlow, opts.slowMs ?? OFFICE_SLOW_MS) : undefined;
    const done = (d: Detected) => {
      if (timer !== undefined) clearTimeout(timer);
      resolve(d);
    };
    try {
      office.onReady!((info) => {
        done(info && info.host !== null && info.host !== undefined && info.host === (office.HostType?.Excel ?? 'Excel') ? 'office' : 'file');
      });
    } catch {
      // onReady itself failed: office.js is broken in this page, which is then no Office host.
      done('file');
    }
  });
}

/** Whether this Excel has the API set the pane needs (false when it cannot tell). */
export function excelApiSupported(office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office): boolean {
  try {
    return office?.context?.requirements?.isSetSupported?.(EXCEL_API.name, EXCEL_API.version) === true;
  } catch {
    return false;
  }
}
