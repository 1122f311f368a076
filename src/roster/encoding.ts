/**
 * Text encoding of CSV files. Bureau systems export either UTF-8 (often with a BOM, which
 * Excel needs to show Chinese) or GBK/GB18030 (Excel's "CSV" on a Chinese Windows).
 * Valid UTF-8 is almost never valid-looking GBK by accident, so: if the bytes decode as
 * strict UTF-8 they are UTF-8; otherwise GB18030 (a superset of GBK and GB2312).
 */
import * as iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export function toUint8(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

export function detectEncoding(b: Uint8Array): CsvEncoding {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le'; // Excel "Unicode text"
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  // A UTF-8 BOM is not proof: some tools put it in front of GBK bytes (issue 16). The bytes decide.
  const body = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Bytes to text without a BOM. */
export function decodeText(bytes: Uint8Array | ArrayBuffer, encoding?: CsvEncoding): { text: string; encoding: CsvEncoding } {
  const b = toUint8(bytes);
  const enc = encoding ?? detectEncoding(b);
  let text: string;
  if (enc === 'gb18030' && b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    text = iconv.decode(b.subarray(3) as Buffer, enc); // a UTF-8 BOM in front of GBK bytes
  } else if (enc === 'utf-8' || enc === 'utf-16le' || enc === 'utf-16be') {
    // TextDecoder drops a leading BOM by default.
    text = new TextDecoder(enc).decode(b);
  } else {
    text = iconv.decode(b as Buffer, enc);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding: enc };
}
