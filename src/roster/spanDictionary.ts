import { ownCopy } from './ownCopy';

/**
 * Codes for the distinct texts of a column that repeats (a status, a district, a visit type, a
 * date), found straight from a span of the text being read — no substring is cut for a value
 * already seen, so a million rows of a handful of values allocate nothing. A new value is cut
 * once and kept.
 */
export class SpanDictionary {
  private readonly values: string[] = [];
  private readonly hashes: number[] = [];
  private slots = new Int32Array(256).fill(-1);

  get size(): number {
    return this.values.length;
  }

  value(code: number): string {
    return this.values[code];
  }

  /** The code of text[from, to): an existing one, or a new one (isNew then tells). */
  code(text: string, from: number, to: number): number {
    // FNV-1a over the UTF-16 code units.
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    const len = to - from;
    let s = h & mask;
    for (;;) {
      const c = this.slots[s];
      if (c < 0) break;
      if (this.hashes[c] === h) {
        const v = this.values[c];
        if (v.length === len && text.startsWith(v, from)) {
          this.isNew = false;
          return c;
        }
      }
      s = (s + 1) & mask;
    }
    const c = this.values.length;
    this.values.push(ownCopy(text.substring(from, to)));
    this.hashes.push(h);
    this.slots[s] = c;
    if (this.values.length * 2 > this.slots.length) this.rehash();
    this.isNew = true;
    return c;
  }

  /** Whether the last code() call added its value. */
  isNew = false;

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let c = 0; c < this.values.length; c++) {
      let s = this.hashes[c] & mask;
      while (this.slots[s] >= 0) s = (s + 1) & mask;
      this.slots[s] = c;
    }
  }
}
