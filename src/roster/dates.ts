/**
 * Dates as rosters write them, to ISO "YYYY-MM-DD". Text in the usual Chinese forms,
 * Excel serial numbers (what range.values gives for a date cell), and JS Dates (what
 * exceljs gives). Dates have no time zone here: a Date is read with its UTC fields,
 * because exceljs builds dates at UTC midnight and local fields would shift them a day.
 */
import { MedaidError, inputText } from '../engine/errors';

const DASHED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T](.*))?$/;
// A time after the date must be a time of day: 99:99:99 is a broken export (issue 16).
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?$/;
function timeOk(t: string | undefined): boolean {
  if (t === undefined || t.trim() === '') return true;
  const m = TIME.exec(t.trim());
  return !!m && +m[1] <= 23 && +m[2] <= 59 && (m[3] === undefined || +m[3] <= 59);
}
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?:\s.*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WS = /\s+/g;

const DAY_MS = 86400000;
// Excel's 1900 system: serial 1 = 1900-01-01, but Excel (copying Lotus 1-2-3) counts a
// 1900-02-29 that never existed as serial 60. From serial 61 on, day 0 is 1899-12-30.
const EPOCH_BEFORE_60 = Date.UTC(1899, 11, 31);
const EPOCH_FROM_61 = Date.UTC(1899, 11, 30);
/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2958465;

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= dim;
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

function fromUtcMs(ms: number): string {
  const dt = new Date(ms);
  return ymd(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** Excel 1900-system serial to ISO date, or undefined for 0, the phantom 1900-02-29, or out of range. */
export function excelSerialToIso(serial: number): string | undefined {
  const n = Math.floor(serial); // a fraction is the time of day
  if (!Number.isFinite(n) || n < 1 || n > MAX_SERIAL || n === 60) return undefined;
  return fromUtcMs((n < 60 ? EPOCH_BEFORE_60 : EPOCH_FROM_61) + n * DAY_MS);
}

function fromParts(y: string, m: string, d: string): string | undefined {
  const yy = +y, mm = +m, dd = +d;
  return yy >= 1900 && isValidYmd(yy, mm, dd) ? ymd(yy, mm, dd) : undefined;
}

function parseDateText(raw: string): string | undefined {
  const s = raw.normalize('NFKC').trim();
  let m = DASHED.exec(s);
  if (m) return timeOk(m[5]) ? fromParts(m[1], m[3], m[4]) : undefined;
  m = CHINESE.exec(s.replace(WS, ' ').replace(/年 /, '年').replace(/月 /, '月'));
  if (m) return fromParts(m[1], m[2], m[3]);
  m = COMPACT.exec(s);
  if (m) return fromParts(m[1], m[2], m[3]);
  return undefined;
}

/**
 * Any supported date form to "YYYY-MM-DD"; otherwise ROSTER_BAD_DATE naming the column
 * and the value. A number of 8 digits is read as YYYYMMDD (a serial that large would be
 * past the year 9999), any other number as an Excel serial.
 */
export function parseRosterDate(raw: unknown, column: string): string {
  let iso: string | undefined;
  if (raw instanceof Date) {
    iso = Number.isNaN(raw.getTime()) ? undefined : fromUtcMs(raw.getTime());
  } else if (typeof raw === 'number') {
    if (Number.isInteger(raw) && raw >= 19000101 && raw <= 99991231) {
      const s = String(raw);
      iso = fromParts(s.slice(0, 4), s.slice(4, 6), s.slice(6, 8));
    } else {
      iso = excelSerialToIso(raw);
    }
  } else if (typeof raw === 'string') {
    iso = parseDateText(raw);
  }
  if (iso === undefined) {
    throw new MedaidError('ROSTER_BAD_DATE', { column, value: raw instanceof Date ? inputText(raw) : inputText(raw ?? '') });
  }
  return iso;
}
