/**
 * Generated rosters as CSV files in /tmp (never committed):
 *  - stream: one visits file with the person's columns on each row, sorted by ID then date,
 *    for `medaid project-stream` (written in 1M-row chunks, so 10M rows need no 10M-row array);
 *  - pair: people.csv + visits.csv as the importer reads them, for `medaid project`.
 */
import { createWriteStream, WriteStream } from 'fs';
import { CATEGORIES } from '../src/engine/categories';
import { defaultEngine } from '../src/engine/engine';
import { compilePolicy } from '../src/fastpath/compiledPolicy';
import { GeneratedRoster, KIND_NAMES, SCHEME_NAMES, generateRoster, personIdText, ymdText } from './generateRoster';
import { Prng } from './prng';

const CHUNK = 1_000_000;

function fenText(fen: number): string {
  const s = String(fen).padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

export function categoriesText(r: GeneratedRoster, p: number): string {
  const names: string[] = [];
  for (let i = r.statusStart[p]; i < r.statusStart[p + 1]; i++) names.push(CATEGORIES[r.statusCodes[i]].zh);
  return names.join(';');
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((res) => out.once("drain", () => res()));
}

async function close(out: WriteStream): Promise<void> {
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
}

export async function writeStreamCsv(file: string, visits: number, seed = 20240101): Promise<{ persons: number }> {
  const c = compilePolicy(defaultEngine().resolve('信阳', 2024));
  const out = createWriteStream(file);
  await write(out, '身份证号,结算日期,人员类别,区县,就诊类型,门诊类型,政策范围内自付,是否规范转诊\n');
  let offset = 0;
  for (let done = 0, k = 0; done < visits; done += CHUNK, k++) {
    const r = generateRoster(c, Math.min(CHUNK, visits - done), seed + k);
    let buf = '';
    for (let p = 0; p < r.persons; p++) {
      const id = personIdText(offset + p);
      const cats = categoriesText(r, p);
      const district = r.districtNames[r.personDistrict[p]];
      for (let v = r.visitStart[p]; v < r.visitStart[p + 1]; v++) {
        const kind = r.visitKind[v];
        buf += `${id},${ymdText(r.visitDate[v])},${cats},${district},${KIND_NAMES[kind]},${SCHEME_NAMES[kind]},${fenText(r.visitCostFen[v])},${r.visitReferred[v] ? '是' : '否'}\n`;
      }
      if (buf.length > 1 << 20) {
        await write(out, buf);
        buf = '';
      }
    }
    await write(out, buf);
    offset += r.persons;
  }
  await close(out);
  return { persons: offset };
}

export async function writePairCsv(dir: string, visits: number, seed = 20240101): Promise<{ people: string; visits: string }> {
  const c = compilePolicy(defaultEngine().resolve('信阳', 2024));
  const r = generateRoster(c, visits, seed);
  const people = `${dir}/people-${visits}.csv`;
  const vfile = `${dir}/visits-${visits}.csv`;
  const po = createWriteStream(people);
  const vo = createWriteStream(vfile);
  await write(po, '身份证号,姓名,人员类别,区县\n');
  await write(vo, '身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊\n');
  let pb = '';
  let vb = '';
  for (let p = 0; p < r.persons; p++) {
    const id = personIdText(p);
    pb += `${id},测试${p},${categoriesText(r, p)},${r.districtNames[r.personDistrict[p]]}\n`;
    for (let v = r.visitStart[p]; v < r.visitStart[p + 1]; v++) {
      const kind = r.visitKind[v];
      vb += `${id},${ymdText(r.visitDate[v])},${KIND_NAMES[kind]},${SCHEME_NAMES[kind]},${fenText(r.visitCostFen[v])},${r.visitReferred[v] ? '是' : '否'}\n`;
    }
    if (vb.length > 1 << 20) {
      await write(po, pb);
      await write(vo, vb);
      pb = vb = '';
    }
  }
  await write(po, pb);
  await write(vo, vb);
  await close(po);
  await close(vo);
  return { people, visits: vfile };
}

/** Fisher–Yates with the benchmark's own PRNG (never Math.random). */
function shuffled(n: number, seed: number): Uint32Array {
  const rng = new Prng(seed);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}

/**
 * The same pair as writePairCsv, with both files' rows in a random order (fixed seed): what an
 * export that is not sorted by person and date looks like. `medaid project` needs no sort.
 */
export async function writeUnsortedPairCsv(dir: string, visits: number, seed = 20240101): Promise<{ people: string; visits: string; persons: number }> {
  const c = compilePolicy(defaultEngine().resolve('信阳', 2024));
  const r = generateRoster(c, visits, seed);
  const people = `${dir}/people-${visits}-unsorted.csv`;
  const vfile = `${dir}/visits-${visits}-unsorted.csv`;
  const ids: string[] = new Array(r.persons);
  for (let p = 0; p < r.persons; p++) ids[p] = personIdText(p);
  const personOfVisit = new Uint32Array(visits);
  for (let p = 0; p < r.persons; p++) for (let v = r.visitStart[p]; v < r.visitStart[p + 1]; v++) personOfVisit[v] = p;
  const po = createWriteStream(people);
  await write(po, '身份证号,姓名,人员类别,区县\n');
  let buf = '';
  for (const p of shuffled(r.persons, seed + 1)) {
    buf += `${ids[p]},测试${p},${categoriesText(r, p)},${r.districtNames[r.personDistrict[p]]}\n`;
    if (buf.length > 1 << 20) {
      await write(po, buf);
      buf = '';
    }
  }
  await write(po, buf);
  await close(po);
  const vo = createWriteStream(vfile);
  await write(vo, '身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊\n');
  buf = '';
  for (const v of shuffled(visits, seed + 2)) {
    const kind = r.visitKind[v];
    buf += `${ids[personOfVisit[v]]},${ymdText(r.visitDate[v])},${KIND_NAMES[kind]},${SCHEME_NAMES[kind]},${fenText(r.visitCostFen[v])},${r.visitReferred[v] ? '是' : '否'}\n`;
    if (buf.length > 1 << 20) {
      await write(vo, buf);
      buf = '';
    }
  }
  await write(vo, buf);
  await close(vo);
  return { people, visits: vfile, persons: r.persons };
}
