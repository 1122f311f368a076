/**
 * problemList: entries made when read, and to every reader the same as the plain array of them.
 */
import { problemList } from '../../src/projection/problemList';
import type { ProjectionProblem } from '../../src/projection/types';

const p = (row: number, table: 'people' | 'visits' = 'people'): ProjectionProblem => ({
  table, sheet: 'people.csv', rowNumber: row, personId: `id${row}`, part: 'premiumSubsidy', code: 'TERM_NOT_DEFINED', zh: `people.csv 第 ${row} 行：…`, en: `people.csv row ${row}: …`,
});

describe('problemList', () => {
  // Made entries: rows 3 and 9 (visits); entries made on reading: rows 2, 5, 7.
  const made = [p(3), p(9, 'visits')];
  const lazyRows = [2, 5, 7];
  let makes = 0;
  const list = problemList(Int32Array.from([-1, 0, -2, -3, 1]), made, (k) => {
    makes++;
    return p(lazyRows[k]);
  });
  const plain = [p(2), p(3), p(5), p(7), p(9, 'visits')];

  test('reads as the plain array: isArray, length, index, iteration, spread, slice, map, filter, JSON, toEqual', () => {
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(5);
    expect(list[2]).toEqual(p(5));
    expect(list[5]).toBeUndefined();
    expect([...list]).toEqual(plain);
    expect(list.slice(0, 2)).toEqual(plain.slice(0, 2));
    expect(list.map((x) => x.rowNumber)).toEqual([2, 3, 5, 7, 9]);
    expect(list.filter((x) => x.table === 'visits')).toEqual([p(9, 'visits')]);
    expect(JSON.parse(JSON.stringify(list))).toEqual(plain);
    expect(list).toEqual(plain);
    const rows: number[] = [];
    for (const x of list) rows.push(x.rowNumber);
    expect(rows).toEqual([2, 3, 5, 7, 9]);
  });

  test('entries are made when read, not kept', () => {
    const before = makes;
    void list[0];
    void list[0];
    expect(makes - before).toBe(2);
    void list[1]; // a made entry
    expect(makes - before).toBe(2);
  });

  test('read-only', () => {
    expect(() => list.push(p(11))).toThrow(TypeError);
    expect(() => list.sort()).toThrow(TypeError);
    expect(() => ((list as ProjectionProblem[])[0] = p(1))).toThrow(TypeError);
  });
});
