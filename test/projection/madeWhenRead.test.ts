/**
 * madeWhenRead: a read-only array whose entries are made at each read (the columnar run's people
 * and problem lists), the same as the plain array to every reader.
 */
import { madeWhenRead } from '../../src/projection/madeWhenRead';

describe('madeWhenRead', () => {
  let made = 0;
  const list = madeWhenRead(4, (i) => {
    made++;
    return { row: i + 2, fen: (i + 1) * 150 };
  }, 'the people list');
  const plain = [{ row: 2, fen: 150 }, { row: 3, fen: 300 }, { row: 4, fen: 450 }, { row: 5, fen: 600 }];

  test('reads as the plain array', () => {
    expect(Array.isArray(list)).toBe(true);
    expect(list).toHaveLength(4);
    expect(list).toEqual(plain);
    expect([...list]).toEqual(plain);
    expect(list.map((x) => x.fen).reduce((a, b) => a + b, 0)).toBe(1500);
    expect(JSON.parse(JSON.stringify(list))).toEqual(plain);
    expect(Object.keys(list)).toEqual(['0', '1', '2', '3']);
    expect(3 in list).toBe(true);
    expect(4 in list).toBe(false);
    expect(list[4]).toBeUndefined();
  });

  test('nothing is stored: each read makes the entry again', () => {
    const before = made;
    expect(list[1]).toEqual(list[1]);
    expect(list[1]).not.toBe(list[1]);
    expect(made - before).toBe(4);
  });

  test('read-only, naming the list', () => {
    expect(() => list.push({ row: 6, fen: 0 })).toThrow('the people list is read-only');
    expect(() => list.sort((a, b) => b.fen - a.fen)).toThrow(TypeError);
    expect(() => (list[0] = { row: 0, fen: 0 })).toThrow(TypeError);
    expect(() => delete list[0]).toThrow(TypeError);
  });

  test('an empty list', () => {
    const none = madeWhenRead(0, () => {
      throw new Error('never read');
    });
    expect(none).toEqual([]);
    expect([...none]).toEqual([]);
  });
});
