/**
 * The result workbook as .xlsx bytes with progress and a stop, for the pane's worker.
 *
 * exceljs's writeBuffer zips inside itself (JSZip's generateAsync, with no progress callback
 * passed on: node_modules/exceljs/lib/utils/zip-stream.js `finalize`), so it is asked for the
 * parts uncompressed (STORE, quick), and JSZip — the same library exceljs uses — compresses
 * them with its streaming generator, whose data events carry the percent done; a stop is
 * checked at every chunk. The file is the one workbookBytes writes (same parts in the same
 * order, DEFLATE level 1).
 *
 * The part of writeBuffer before the zip (exceljs lays out the styles, shared strings and
 * every sheet's XML in one synchronous pass) reports nothing: the pane shows that step as an
 * indeterminate bar, and a stop asked for during it is honoured at the first checkpoint after.
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { checkpoint, StopRequested, type StopSignal } from './stopRequest';

/** percent: 0–100 as the zip goes; undefined while exceljs lays out the XML (no measure of it). */
export type ZipProgress = (percent: number | undefined) => void;

export async function zipWithProgress(wb: ExcelJS.Workbook, onProgress?: ZipProgress, stop?: StopSignal): Promise<Uint8Array> {
  onProgress?.(undefined);
  await checkpoint(stop);
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions);
  await checkpoint(stop);
  const zip = await JSZip.loadAsync(stored as ArrayBuffer);
  await checkpoint(stop);
  onProgress?.(0);
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let shown = 0;
    let done = false;
    const helper = zip.generateInternalStream({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 1 } });
    helper
      .on('data', (chunk, meta) => {
        if (done) return;
        if (stop?.stopped) {
          done = true;
          helper.pause();
          reject(new StopRequested());
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
        const percent = Math.floor(meta.percent);
        if (percent > shown) onProgress?.((shown = percent));
      })
      .on('error', (e) => {
        done = true;
        reject(e);
      })
      .on('end', () => {
        if (done) return;
        done = true;
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        if (shown < 100) onProgress?.(100);
        resolve(out);
      })
      .resume();
  });
}
