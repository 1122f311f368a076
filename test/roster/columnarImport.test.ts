/**
 * The columnar import reads exactly what the importers read, on the subset it takes:
 *  - an amount typed as digits with at most two decimals is requiredAmount's value, in fen, without a warning;
 *  - an ID typed as 17 digits and a digit or X is taken exactly when parseIdNumber returns it as is, without a warning;
 *  - IdTable and SpanDictionary find what was put in them, and nothing else.
 */
import fc from 'fast-check';
import { isMedaidError } from '../../src/engine/errors';
import { plainFen } from '../../src/roster/columnarImport';
import { requiredAmount } from '../../src/roster/fieldParsers';
import { idCheckChar, parseIdNumber } from '../../src/roster';
import { id18BirthOk, id18CheckOk } from '../../src/roster/idNumber';
import { IdTable } from '../../src/roster/idTable';
import { SpanDictionary } from '../../src/roster/spanDictionary';

describe('plainFen: the amounts the columnar import takes, read as requiredAmount reads them', () => {
  test('hand-worked', () => {
    expect(plainFen('6995.63')).toBe(699563);
    expect(plainFen('6995.6')).toBe(699560);
    expect(plainFen('6995')).toBe(699500);
    expect(plainFen('0')).toBe(0);
    expect(plainFen('007.5')).toBe(750);
    for (const bad of ['', '.5', '5.', '6995.635', '-1', '1,000', ' 5', '5 ', '１２', '1e3', '¥5', '12.3.4']) expect(plainFen(bad)).toBe(-1);
  });

  test('property: whenever plainFen takes a text, requiredAmount gives the same amount and says nothing', () => {
    const text = fc.oneof(
      fc.tuple(fc.stringMatching(/^\d{1,13}$/), fc.constantFrom('', '.', '.5', '.05', '.50', '.123')).map(([a, b]) => a + b),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        const fen = plainFen(s);
        if (fen < 0) return;
        const warnings: unknown[] = [];
        const v = requiredAmount(s, '政策范围内自付', (w) => warnings.push(w));
        expect(warnings).toEqual([]);
        expect(v.times(100).toNumber()).toBe(fen);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('18-character IDs: the columnar check is the one parseIdNumber makes', () => {
  const first17 = fc.tuple(fc.stringMatching(/^\d{6}$/), fc.integer({ min: 1890, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.stringMatching(/^\d{3}$/))
    .map(([area, y, m, d, seq]) => `${area}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`);
  const id = fc.tuple(first17, fc.boolean(), fc.constantFrom(...'0123456789X')).map(([f, right, other]) => f + (right ? idCheckChar(f) : other));

  test('property: taken ⇔ parseIdNumber returns the text as is, without a warning', () => {
    fc.assert(
      fc.property(id, (s) => {
        const digits = new Int32Array(3);
        const taken = IdTable.parse(s, 0, 18, digits) && id18CheckOk(s) && id18BirthOk(s);
        let asIs = false;
        try {
          let warned = false;
          asIs = parseIdNumber(s, '身份证号', () => (warned = true)) === s && !warned;
        } catch (e) {
          if (!isMedaidError(e)) throw e;
        }
        expect(taken).toBe(asIs);
      }),
      { numRuns: 3000 },
    );
  });

  test('hand-worked: 11010519491231002X (GB 11643-1999 example) is taken; a wrong check character or 31 February is not', () => {
    const ok = '11010519491231002X';
    expect(id18CheckOk(ok) && id18BirthOk(ok)).toBe(true);
    expect(id18CheckOk('110105194912310021')).toBe(false);
    const feb31 = `41150219800231001`;
    expect(id18BirthOk(feb31 + idCheckChar(feb31))).toBe(false);
  });
});

describe('IdTable and SpanDictionary', () => {
  test('property: every ID added is found at its index, as typed; others are not found', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^\d{17}[\dX]$/), { maxLength: 400 }), fc.stringMatching(/^\d{17}[\dX]$/), (ids, other) => {
        const t = new IdTable();
        const d = new Int32Array(3);
        const byDigits = new Map<string, number>();
        for (const s of ids) {
          IdTable.parse(s, 0, 18, d);
          if (t.find(d[0], d[1]) >= 0) continue; // same 17 digits, another check character
          byDigits.set(s.slice(0, 17), t.add(d[0], d[1], d[2]));
        }
        for (const [first17, i] of byDigits) {
          IdTable.parse(`${first17}0`, 0, 18, d);
          expect(t.find(d[0], d[1])).toBe(i);
          expect(t.text(i).slice(0, 17)).toBe(first17);
        }
        IdTable.parse(other, 0, 18, d);
        expect(t.find(d[0], d[1]) >= 0).toBe(byDigits.has(other.slice(0, 17)));
      }),
    );
  });

  test('property: a span gets the code of the equal text, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 300 }), (values) => {
        const dict = new SpanDictionary();
        const codeOf = new Map<string, number>();
        for (const v of values) {
          const text = `«${v}»`;
          const c = dict.code(text, 1, 1 + v.length);
          if (codeOf.has(v)) expect(c).toBe(codeOf.get(v));
          else {
            expect(dict.isNew).toBe(true);
            codeOf.set(v, c);
          }
          expect(dict.value(c)).toBe(v);
        }
        expect(dict.size).toBe(codeOf.size);
      }),
    );
  });
});
