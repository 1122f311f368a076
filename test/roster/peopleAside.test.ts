/**
 * The people file read on a second thread while the visits file is read (peopleAside.ts), and the
 * visits read with their IDs kept as digits until the people are there (readColumnarVisits with a
 * promise): exactly the columns of the one-after-the-other reading, the same NotColumnar for a
 * visit of no one, and — on the compiled worker, as the CLI runs it — the same people, the same
 * reason for a roster it does not take, the same error for a file it cannot read.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { idCheckChar } from '../../src/roster';
import { readColumnarPeople, readColumnarVisits, type ColumnarPeople, type ColumnarVisits } from '../../src/roster/columnarImport';
import { peopleAsideAvailable, readPeopleAside } from '../../src/roster/peopleAside';

const root = mkdtempSync(join(tmpdir(), 'medaid-aside-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const id = (i: number) => {
  const first17 = `41150219800101${String(100 + i).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};
const STATUSES = ['低保对象', '特困人员', '低保边缘家庭成员'];
const DISTRICTS = ['浉河区', '平桥区', '息县'];

function write(name: string, lines: string[]): string {
  const f = join(root, name);
  writeFileSync(f, lines.join('\n'));
  return f;
}

/** 300 people, 1,000 visits in no order (a person's visits scattered over the file). */
function roster(): { people: string; visits: string } {
  const people = ['身份证号,姓名,人员类别,区县'];
  for (let i = 0; i < 300; i++) people.push(`${id(i)},测试${i},${STATUSES[i % 3]},${DISTRICTS[(i * 7) % 3]}`);
  const visits = ['身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊'];
  for (let v = 0; v < 1000; v++) {
    const who = (v * 7919) % 300;
    const day = String(1 + (v % 28)).padStart(2, '0');
    visits.push(`${id(who)},2024-${String(1 + (v % 12)).padStart(2, '0')}-${day},${v % 3 ? '住院,' : '门诊,9类病种'},${(v * 104729) % 50000}.${v % 100},${v % 5 ? '否' : '是'}`);
  }
  return { people: write(`p${Math.random()}.csv`, people), visits: write(`v${Math.random()}.csv`, visits) };
}

const columns = (v: ColumnarVisits) => ({ count: v.count, person: [...v.person], date: [...v.date], dates: v.dates, kind: [...v.kind], kinds: v.kinds, cost: [...v.costFen] });
const later = <T>(x: T) => new Promise<T>((resolve) => setTimeout(() => resolve(x), 20));

describe('visits read while the people are still being read', () => {
  test('the same columns as when the people were read first', async () => {
    const f = roster();
    const people = await readColumnarPeople(f.people, 'p.csv');
    const first = await readColumnarVisits(f.visits, 'v.csv', { year: 2024, people });
    const beside = await readColumnarVisits(f.visits, 'v.csv', { year: 2024, people: later(people) });
    expect(columns(beside)).toEqual(columns(first));
    expect(first.count).toBe(1000);
  });

  test('a visit of no one on the people file, or an ID that is not 18 characters: NotColumnar, as before', async () => {
    const f = roster();
    const people = await readColumnarPeople(f.people, 'p.csv');
    const head = '身份证号,结算日期,就诊类型,门诊类型,政策范围内自付,是否规范转诊';
    for (const bad of [`${id(999)},2024-03-02,住院,,10,否`, `${id(1).slice(0, 17)},2024-03-02,住院,,10,否`]) {
      const v = write(`bad${Math.random()}.csv`, [head, `${id(0)},2024-03-01,住院,,1000,否`, bad]);
      await expect(readColumnarVisits(v, 'v.csv', { year: 2024, people })).rejects.toThrow(/visits row 3: ID not typed as on a people row/);
      await expect(readColumnarVisits(v, 'v.csv', { year: 2024, people: later(people) })).rejects.toThrow(/visits row 3: ID not typed as on a people row/);
    }
  });

  test('without the compiled worker (this source run by ts-jest) the people are read here first', async () => {
    expect(peopleAsideAvailable()).toBe(false);
    const f = roster();
    const aside = await readPeopleAside(f.people, 'p.csv', { names: true });
    expect(aside.people).not.toBeInstanceOf(Promise);
    expect(json(aside.people as ColumnarPeople)).toEqual(json(await readColumnarPeople(f.people, 'p.csv', { names: true })));
  });
});

function json(p: ColumnarPeople) {
  return { count: p.count, firstRow: p.firstRow, kind: [...p.kind], kinds: p.kinds, names: p.names, ids: Array.from({ length: p.count }, (_, i) => p.ids.text(i)), head: p.head.header };
}

// The compiled worker (dist/, built by `npm ci` / `npm run build:cli`), run as the CLI runs it.
const DIST = join(__dirname, '..', '..', 'dist', 'src', 'roster');
describe('on the compiled worker thread', () => {
  const run = (people: string) => {
    const script = `
      const { readPeopleAside, peopleAsideAvailable } = require(${JSON.stringify(join(DIST, 'peopleAside.js'))});
      const { readColumnarPeople } = require(${JSON.stringify(join(DIST, 'columnarImport.js'))});
      const json = (p) => ({ count: p.count, firstRow: p.firstRow, kind: [...p.kind], kinds: p.kinds, names: p.names, ids: Array.from({ length: p.count }, (_, i) => p.ids.text(i)), head: p.head.header });
      const outcome = (promise) => promise.then((p) => ({ people: json(p) }), (e) => ({ error: { name: e.name, message: e.message } }));
      (async () => {
        const aside = await readPeopleAside(${JSON.stringify(people)}, 'p.csv', { names: true });
        const onWorker = aside.people instanceof Promise;
        const [a, b] = [await outcome(Promise.resolve(aside.people)), await outcome(readColumnarPeople(${JSON.stringify(people)}, 'p.csv', { names: true }))];
        process.stdout.write(JSON.stringify({ available: peopleAsideAvailable(), onWorker, aside: a, here: b }));
      })();`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { available: boolean; onWorker: boolean; aside: unknown; here: unknown };
  };

  test('the compiled worker is there (npm run build:cli)', () => {
    expect(existsSync(join(DIST, 'columnarPeopleWorker.js'))).toBe(true);
  });

  test('the same people as read on this thread', () => {
    const r = run(roster().people);
    expect(r.available).toBe(true);
    expect(r.onWorker).toBe(true);
    expect(r.aside).toEqual(r.here);
    expect((r.aside as { people: { count: number } }).people.count).toBe(300);
  });

  test('a roster the columnar import does not take: the same reason (a duplicate ID)', () => {
    const f = write('dup.csv', ['身份证号,姓名,人员类别,区县', `${id(0)},张三,低保对象,浉河区`, `${id(0)},张三,低保对象,浉河区`]);
    const r = run(f);
    expect(r.aside).toEqual({ error: { name: 'NotColumnar', message: 'people row 3: duplicate ID' } });
    expect(r.aside).toEqual(r.here);
  });

  test('a file it cannot read: the error readColumnarPeople gives on this thread', () => {
    const r = run(join(root, 'no-such-file.csv'));
    expect(r.aside).toEqual(r.here);
    expect((r.aside as { error: { name: string } }).error.name).not.toBe('NotColumnar');
  });
});
