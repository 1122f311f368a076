/**
 * 18-character ID numbers (17 digits and a check character) held as numbers, not strings: the
 * first 9 digits and the next 8 as two integers in an open-addressing hash table, the check
 * character (0–9, X = 10) beside it. A million people are a few typed arrays instead of a
 * million strings and map entries, and a visit row's ID is looked up straight from its text,
 * without cutting a string out of it.
 */
/** An IdTable's state (IdTable.parts / fromParts). */
export interface IdTableParts {
  count: number;
  capacity: number;
  slots: Int32Array;
  slotOf: Int32Array;
  check: Uint8Array;
}

export class IdTable {
  count = 0;
  /** Three ints a slot (hi, lo, index; index -1 when empty), so that a probe reads one place in memory. */
  private slots: Int32Array;
  private capacity: number;
  /** Slot of ID i (its digits are read from there), and its check character. */
  private slotOf: Int32Array;
  private check: Uint8Array;

  /** `expected`: about how many IDs will be added (the table grows past it). */
  constructor(expected = 1 << 16) {
    const n = Math.max(16, expected);
    this.slotOf = new Int32Array(n);
    this.check = new Uint8Array(n);
    this.capacity = Math.ceil(n / 0.7);
    this.slots = IdTable.emptySlots(this.capacity);
  }

  /** The table as plain typed arrays (to hand it to another thread: the buffers can be transferred, not copied). */
  parts(): IdTableParts {
    return { count: this.count, capacity: this.capacity, slots: this.slots, slotOf: this.slotOf, check: this.check };
  }

  /** The table whose parts() these are. */
  static fromParts(p: IdTableParts): IdTable {
    const t = new IdTable(16);
    t.count = p.count;
    t.capacity = p.capacity;
    t.slots = p.slots;
    t.slotOf = p.slotOf;
    t.check = p.check;
    return t;
  }

  private static emptySlots(n: number): Int32Array {
    const a = new Int32Array(n * 3);
    for (let i = 2; i < a.length; i += 3) a[i] = -1;
    return a;
  }

  /** The ID typed in text[from, from+18) as [hi, lo, check], or false when it is not 17 ASCII digits and a digit or X. */
  static parse(text: string, from: number, to: number, out: Int32Array): boolean {
    if (to - from !== 18) return false;
    let hi = 0;
    let lo = 0;
    for (let i = 0; i < 17; i++) {
      const c = text.charCodeAt(from + i) - 48;
      if (c < 0 || c > 9) return false;
      if (i < 9) hi = hi * 10 + c;
      else lo = lo * 10 + c;
    }
    const last = text.charCodeAt(from + 17);
    const k = last === 88 ? 10 : last - 48;
    if (k < 0 || k > 10) return false;
    out[0] = hi;
    out[1] = lo;
    out[2] = k;
    return true;
  }

  private static hash(hi: number, lo: number): number {
    let h = Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b) ^ lo;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /** The home slot: the hash scaled to the capacity (a multiply, not a division). */
  private static slot(hi: number, lo: number, cap: number): number {
    return Math.floor((IdTable.hash(hi, lo) * cap) / 4294967296);
  }

  /** The index of the ID with these digits, or -1. */
  find(hi: number, lo: number): number {
    const slots = this.slots;
    const cap = this.capacity;
    for (let s = IdTable.slot(hi, lo, cap); ; s = s + 1 === cap ? 0 : s + 1) {
      const at = s * 3;
      const i = slots[at + 2];
      if (i < 0) return -1;
      if (slots[at] === hi && slots[at + 1] === lo) return i;
    }
  }

  /** Adds an ID (the caller has checked it is not there) and returns its index. */
  add(hi: number, lo: number, check: number): number {
    const i = this.count++;
    if (i >= this.slotOf.length) this.grow();
    if (this.count > this.capacity * 0.7) this.rehash(this.capacity * 2);
    this.check[i] = check;
    this.place(hi, lo, i);
    return i;
  }

  /** The check character code (0–9, X = 10) of ID i. */
  checkOf(i: number): number {
    return this.check[i];
  }

  /** ID i as text (as typed: the importer keeps an 18-digit ID as is), one flat string of 18 characters. */
  text(i: number): string {
    const c = this.chars;
    const at = this.slotOf[i] * 3;
    let hi = this.slots[at];
    for (let k = 8; k >= 0; k--, hi = Math.floor(hi / 10)) c[k] = 48 + (hi % 10);
    let lo = this.slots[at + 1];
    for (let k = 16; k >= 9; k--, lo = Math.floor(lo / 10)) c[k] = 48 + (lo % 10);
    c[17] = this.check[i] === 10 ? 88 : 48 + this.check[i];
    return String.fromCharCode.apply(null, c as unknown as number[]);
  }

  private readonly chars = new Array<number>(18).fill(48);

  private place(hi: number, lo: number, i: number): void {
    const slots = this.slots;
    const cap = this.capacity;
    let s = IdTable.slot(hi, lo, cap);
    while (slots[s * 3 + 2] >= 0) s = s + 1 === cap ? 0 : s + 1;
    slots[s * 3] = hi;
    slots[s * 3 + 1] = lo;
    slots[s * 3 + 2] = i;
    this.slotOf[i] = s;
  }

  private grow(): void {
    const n = this.slotOf.length * 2;
    const slotOf = new Int32Array(n);
    slotOf.set(this.slotOf);
    this.slotOf = slotOf;
    const check = new Uint8Array(n);
    check.set(this.check);
    this.check = check;
  }

  private rehash(capacity: number): void {
    const old = this.slots;
    this.capacity = capacity;
    this.slots = IdTable.emptySlots(capacity);
    for (let at = 0; at < old.length; at += 3) if (old[at + 2] >= 0) this.place(old[at], old[at + 1], old[at + 2]);
  }
}
