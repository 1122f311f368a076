/**
 * The two coded columns of the visits table: the referral flag and the visit type.
 * Both accept what people actually type (是/否, Y/N, TRUE/FALSE, 1/0, Excel booleans;
 * 住院/门诊 with a scheme after 门诊) and refuse anything else with the value named.
 */
import { MedaidError, inputText } from '../engine/errors';

const YES = new Set(['是', 'y', 'yes', 'true', 't', '1', '√', '✓', '对', '有']);
const NO = new Set(['否', 'n', 'no', 'false', 'f', '0', '×', '✗', 'x', '无', '不是']);
const WS = /\s+/g;

/** undefined = blank (the caller decides what blank means). */
export function parseYesNo(raw: unknown, column: string): boolean | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') {
    if (raw === 1) return true;
    if (raw === 0) return false;
    throw new MedaidError('ROSTER_BAD_FLAG', { column, value: inputText(raw) });
  }
  const s = inputText(raw).normalize('NFKC').replace(WS, '').toLowerCase();
  if (s === '') return undefined;
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  throw new MedaidError('ROSTER_BAD_FLAG', { column, value: inputText(raw) });
}

export interface VisitKind {
  kind: 'inpatient' | 'outpatient';
  /** Text after 门诊 (门诊-慢特病 → 慢特病), used as the scheme when there is no scheme column value. */
  scheme?: string;
}

const INPATIENT = new Set(['住院', 'inpatient', 'inpatients', 'in-patient', 'hospitalisation', 'hospitalization', 'ip']);
const OUTPATIENT = new Set(['门诊', '门急诊', '急诊', 'outpatient', 'outpatients', 'out-patient', 'op']);
// Separators and brackets between 门诊 and the scheme: 门诊-慢特病, 门诊（罕见病）, 门诊:特药.
const SCHEME_EDGES = /^[\s\-—–_:：/|·(（[【]+|[\s)）\]】]+$/g;
const EN_OUTPATIENT = /^out-?patients?\b/;
const EN_OUTPATIENT_PREFIX = /^out-?patients?/i;

export function parseVisitKind(raw: unknown, column: string): VisitKind {
  const text = raw === null || raw === undefined ? '' : inputText(raw).normalize('NFKC').trim();
  if (text === '') throw new MedaidError('ROSTER_BLANK_CELL', { column, what: '就诊类型（住院 或 门诊）', whatEn: 'the visit type (住院 inpatient or 门诊 outpatient)' });
  const lower = text.toLowerCase();
  if (INPATIENT.has(lower) || lower.startsWith('住院')) return { kind: 'inpatient' };
  if (OUTPATIENT.has(lower)) return { kind: 'outpatient' };
  let rest: string | undefined;
  if (text.startsWith('门诊')) rest = text.slice(2);
  else if (EN_OUTPATIENT.test(lower)) rest = text.replace(EN_OUTPATIENT_PREFIX, '');
  if (rest !== undefined) {
    const scheme = rest.replace(SCHEME_EDGES, '');
    return scheme === '' ? { kind: 'outpatient' } : { kind: 'outpatient', scheme };
  }
  throw new MedaidError('ROSTER_BAD_VISIT_KIND', { column, value: text });
}
