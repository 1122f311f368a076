/**
 * What a roster file is, by its content rather than its name (issues 12 item 3 and 16
 * "encodings and file types"): an .xlsx named .csv is read as a workbook, a CSV named .xlsx
 * as text, UTF-16 without a BOM is recognised, and a file that is no text table (an old
 * .xls, a PDF, random bytes) is refused with a message that says what it is — its bytes are
 * never shown as "headers".
 */
import { MedaidError } from '../engine/errors';
import { toUint8 } from './encoding';

export type FileKind = 'xlsx' | 'xls' | 'pdf' | 'binary' | 'utf-16le' | 'utf-16be' | 'text';

const starts = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The kind of file from its first bytes. */
export function sniffFile(bytes: Uint8Array | ArrayBuffer): FileKind {
  const b = toUint8(bytes);
  if (starts(b, [0x50, 0x4b, 0x03, 0x04]) || starts(b, [0x50, 0x4b, 0x05, 0x06])) return 'xlsx'; // a zip: .xlsx is one
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls'; // OLE2: Excel 97-2003
  if (starts(b, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (starts(b, [0xff, 0xfe]) || starts(b, [0xfe, 0xff]) || starts(b, [0xef, 0xbb, 0xbf])) return 'text'; // a BOM
  const n = Math.min(b.length, 4096);
  if (n === 0) return 'text';
  // UTF-16 without a BOM: ASCII characters leave every other byte 0.
  let zeroEven = 0, zeroOdd = 0, control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    } else if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  const half = n / 2;
  if (zeroOdd > half * 0.3 && zeroEven < half * 0.05) return 'utf-16le';
  if (zeroEven > half * 0.3 && zeroOdd < half * 0.05) return 'utf-16be';
  if (zeroEven + zeroOdd > 0 || control > n * 0.01) return 'binary';
  return 'text';
}

const WHAT: Record<'xls' | 'pdf' | 'binary', { zh: string; en: string }> = {
  xls: { zh: '这是旧版 Excel 97-2003 工作簿（.xls），不是文本表格：请在 Excel 中“另存为” .xlsx 或 CSV', en: 'this is an old Excel 97-2003 workbook (.xls), not a text table: in Excel, "Save As" .xlsx or CSV' },
  pdf: { zh: '这是 PDF 文件，不是表格：请使用导出的 .xlsx 或 CSV 名单', en: 'this is a PDF file, not a table: use the roster exported as .xlsx or CSV' },
  binary: { zh: '文件内容不是文本表格（含有二进制字节）', en: 'the file is not a text table (it holds binary bytes)' },
};

/** Throws ROSTER_BAD_FILE for a kind that is no table we can read. */
export function assertReadable(kind: FileKind, file?: string): void {
  if (kind === 'xls' || kind === 'pdf' || kind === 'binary') {
    throw new MedaidError('ROSTER_BAD_FILE', { file, problem: WHAT[kind].zh, problemEn: WHAT[kind].en });
  }
}
