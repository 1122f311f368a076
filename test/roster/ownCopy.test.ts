import { ownCopy } from '../../src/roster/ownCopy';

describe('ownCopy: the same text, held on its own', () => {
  test.each([
    ['', 'empty'],
    ['低保', 'short CJK'],
    ['河南省信阳市浉河区五星街道办事处', 'a long district name (≥ 13 characters, joined)'],
    ['𠀀𠀁 surrogate pairs 𪚥 kept whole across the join', 'astral characters'],
  ])('%s (%s)', (s) => {
    const piece = `前${s}后`.slice(1, 1 + s.length);
    expect(ownCopy(piece)).toBe(s);
  });
});
