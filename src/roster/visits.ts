/**
 * Visits table → Visit records. Besides the cell checks, two row checks protect the
 * projection: a visit must belong to a person in the people table (otherwise it could
 * not be given a category and would silently vanish from the totals), and, when a
 * projection year is given, its settlement date must fall in that year.
 */
import { MedaidError } from '../engine/errors';
import type { Dec } from '../engine/money';
import { isBlankCell, isBlankRow } from './cells';
import { parseRosterDate } from './dates';
import { optionalAmount, optionalText, requiredAmount } from './fieldParsers';
import { parseVisitKind, parseYesNo } from './flags';
import { parseIdNumber } from './idNumber';
import { applyMapping, detectMapping } from './mapping';
import { RowReader, startReport } from './report';
import type { ColumnMapping, ImportResult, Person, RawTable, Settlement, Visit } from './types';

/**
 * The settlement parts of a row. None may be negative (the parsers refuse it) or blank where
 * required (nothing is set to zero); the parts cannot exceed the total, nor the reduction the
 * out-of-catalogue cost it reduces. provisionalCost = in-catalogue − basic − critical-illness
 * (when given): the projection recomputes it through the layers.
 */
function readSettlement(r: RowReader<'visits'>, outpatient: boolean): { settlement: Settlement; provisionalCost: Dec } | undefined {
  const total = r.read('grossCost', requiredAmount);
  const outOfCatalogue = r.read('outOfCatalogue', requiredAmount);
  // 基本医保统筹支付 may be blank on an outpatient row naming its 门诊统筹类别: the pool's rule computes it.
  const pool = r.read('pool', optionalText);
  const basicMayBeBlank = outpatient && pool !== undefined && r.column('basicPaid') !== undefined && isBlankCell(r.raw('basicPaid'));
  const basicPaid = basicMayBeBlank ? undefined : r.read('basicPaid', requiredAmount);
  const ciPaid = r.read('ciPaid', optionalAmount);
  const reduction = r.read('reduction', optionalAmount);
  const level = r.read('hospitalLevel', optionalText);
  if (total === undefined || outOfCatalogue === undefined || (basicPaid === undefined && !basicMayBeBlank) || (r.column('ciPaid') && ciPaid === undefined && !isBlankCell(r.raw('ciPaid')))) return undefined;
  const parts = outOfCatalogue.plus(basicPaid ?? 0).plus(ciPaid ?? 0);
  const header = (f: 'outOfCatalogue' | 'basicPaid' | 'ciPaid') => r.column(f)!.header;
  if (parts.greaterThan(total)) {
    const cols = [header('outOfCatalogue'), ...(basicPaid !== undefined ? [header('basicPaid')] : []), ...(ciPaid !== undefined ? [header('ciPaid')] : [])];
    r.error('grossCost', new MedaidError('ROSTER_SETTLEMENT_PARTS_EXCEED', { parts: cols.join(' + '), sum: parts.toFixed(2), totalColumn: r.column('grossCost')!.header, total: total.toFixed(2) }));
    return undefined;
  }
  if (reduction !== undefined && reduction.greaterThan(outOfCatalogue)) {
    r.error('reduction', new MedaidError('ROSTER_SETTLEMENT_PARTS_EXCEED', { parts: r.column('reduction')!.header, sum: reduction.toFixed(2), totalColumn: header('outOfCatalogue'), total: outOfCatalogue.toFixed(2) }));
    return undefined;
  }
  const settlement: Settlement = { total, outOfCatalogue };
  if (basicPaid !== undefined) settlement.basicPaid = basicPaid;
  if (pool !== undefined) settlement.pool = pool;
  if (ciPaid !== undefined) settlement.ciPaid = ciPaid;
  if (reduction !== undefined) settlement.reduction = reduction;
  if (level !== undefined) settlement.level = level;
  return { settlement, provisionalCost: total.minus(outOfCatalogue).minus(basicPaid ?? 0).minus(ciPaid ?? 0) };
}

export interface VisitImportOptions {
  /** Projection year: visits settled in another year are rejected. */
  year?: number;
  /** The accepted people (importPeople(...).rows) or their ID numbers: visits of anyone else are rejected. */
  people?: readonly Person[] | ReadonlySet<string>;
  /**
   * The region's outpatient schemes: throws a MedaidError (UNKNOWN_SCHEME, listing the
   * region's schemes) for a name the region does not have. Checked here so that one unknown
   * scheme rejects its own visit row, not the person's whole year (issue 16).
   */
  checkScheme?: (scheme: string | undefined) => string | void;
}

/** Blank referral flag: taken as "no" (the less generous reading) and flagged, never silent. */
function referredCell(raw: unknown, column: string, warn: (w: MedaidError) => void): boolean {
  const v = parseYesNo(raw, column);
  if (v === undefined) {
    warn(new MedaidError('ROSTER_FLAG_BLANK', { column }));
    return false;
  }
  return v;
}

function knownIds(people: VisitImportOptions['people']): ReadonlySet<string> | undefined {
  if (people === undefined) return undefined;
  if (people instanceof Set) return people;
  const ids = new Set<string>();
  for (const p of people as readonly Person[]) ids.add(p.id);
  return ids;
}

export function importVisits(
  table: RawTable,
  mapping: ColumnMapping<'visits'> = detectMapping(table, 'visits'),
  opts: VisitImportOptions = {},
): ImportResult<Visit> {
  const { year } = opts;
  if (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > 2200)) {
    throw new MedaidError('BAD_YEAR', { value: String(year) });
  }
  const yearText = year === undefined ? undefined : String(year);
  const ids = knownIds(opts.people);
  const mapped = applyMapping(table, mapping, 'visits');
  const report = startReport(mapped);
  const r = new RowReader(report, mapped);
  const rows: Visit[] = [];
  /** Identical visits (every field the same) → first row: counted, but said (issue 12 item 5). */
  const seen = new Map<string, number>();

  for (const row of table.rows) {
    if (isBlankRow(row.cells)) {
      report.blank++;
      continue;
    }
    r.start(row);
    const personId = r.read('id', parseIdNumber);
    if (personId !== undefined && ids && !ids.has(personId)) {
      r.error('id', new MedaidError('ROSTER_UNKNOWN_PERSON', { value: personId }));
    }
    const date = r.read('date', parseRosterDate);
    if (date !== undefined && yearText !== undefined && date.slice(0, 4) !== yearText) {
      r.error('date', new MedaidError('ROSTER_DATE_OUT_OF_YEAR', { column: r.column('date')!.header, value: date, year }));
    }
    const kind = r.read('kind', parseVisitKind);
    const schemeCell = r.read('scheme', optionalText);
    // A settlement row: 医疗总费用 given (and no 政策范围内自付 cell). Its parts are read and checked
    // here; the projection derives the policy-range out-of-pocket from them (settlementChain.ts).
    const settlementRow = r.column('grossCost') !== undefined && (r.column('cost') === undefined || isBlankCell(r.raw('cost')));
    const settlement = settlementRow ? readSettlement(r, kind?.kind === 'outpatient') : undefined;
    const cost = settlementRow ? settlement?.provisionalCost : r.read('cost', requiredAmount);
    const referred = r.read('referred', referredCell);
    const totalCost = r.read('totalCost', optionalAmount);
    const insurancePaid = r.read('insurancePaid', optionalAmount);

    let scheme: string | undefined;
    if (kind?.kind === 'outpatient') {
      scheme = schemeCell ?? kind.scheme;
      let schemeName: string | void = undefined;
      if (opts.checkScheme) {
        try {
          schemeName = opts.checkScheme(scheme);
        } catch (e) {
          if (!(e instanceof MedaidError)) throw e;
          r.error(schemeCell !== undefined ? 'scheme' : 'kind', e);
        }
      }
      // A blank scheme is the region's main outpatient scheme: said, never silent (issue 16).
      if (scheme === undefined) r.warn(r.column('scheme') ? 'scheme' : 'kind', new MedaidError('ROSTER_SCHEME_DEFAULT', { scheme: schemeName || undefined }));
    }
    else if (kind?.kind === 'inpatient' && schemeCell !== undefined) {
      r.warn('scheme', new MedaidError('ROSTER_SCHEME_IGNORED', { value: schemeCell }));
    }
    if (!settlementRow && cost !== undefined && totalCost !== undefined && cost.greaterThan(totalCost)) {
      r.warn('cost', new MedaidError('ROSTER_COST_EXCEEDS_TOTAL', {
        column: r.column('cost')!.header,
        value: cost.toString(),
        totalColumn: r.column('totalCost')!.header,
        total: totalCost.toString(),
      }));
    }

    if (!r.rejected) {
      const key = [personId, date, kind!.kind, scheme ?? '', cost!.toString(), referred, totalCost?.toString() ?? '', insurancePaid?.toString() ?? ''].join('\u0000');
      const first = seen.get(key);
      if (first === undefined) seen.set(key, row.rowNumber);
      else r.warn(undefined, new MedaidError('ROSTER_DUPLICATE_VISIT', { firstRow: first }));
    }
    if (!r.finish()) continue;
    const visit: Visit = {
      rowNumber: row.rowNumber,
      personId: personId!,
      date: date!,
      kind: kind!.kind,
      cost: cost as Dec,
      referred: referred!,
    };
    if (scheme !== undefined) visit.scheme = scheme;
    if (totalCost !== undefined) visit.totalCost = totalCost;
    if (insurancePaid !== undefined) visit.insurancePaid = insurancePaid;
    if (settlement) visit.settlement = settlement.settlement;
    rows.push(visit);
  }
  return { rows, report: report.finish() };
}
