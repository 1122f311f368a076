/**
 * The set of policy editions an engine knows: the built-in files plus any region an
 * analyst adds, each validated. Regions are found by any alias (信阳 / 信阳市 / xinyang);
 * a year picks the latest edition in force by then; no year = the latest edition's year.
 */
import { MedaidError, inputText } from '../errors';
import type { PolicyFile } from './types';
import { validatePolicy } from './validate';

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export interface PolicyListRow {
  regionId: string;
  zh: string;
  en: string;
  province: string;
  policyId: string;
  effective: string;
  year: number;
  status: string;
  documents: string;
}

export class PolicyRegistry {
  private readonly editions = new Map<string, PolicyFile[]>(); // region id → editions by effective date
  private readonly aliases = new Map<string, string>();

  constructor(files: PolicyFile[] = []) {
    for (const f of files) this.add(f);
  }

  /** Adds an edition after schema validation; a second file with the same id is refused. */
  add(data: unknown, file = ''): PolicyFile {
    const p = validatePolicy(data, file);
    const list = this.editions.get(p.region.id) ?? [];
    if (list.some((e) => e.id === p.id)) throw new MedaidError('DUPLICATE_REGION', { value: p.id });
    list.push(p);
    list.sort((a, b) => a.edition.effective.localeCompare(b.edition.effective));
    this.editions.set(p.region.id, list);
    for (const a of [p.region.id, p.region.names.zh, p.region.names.en, ...p.region.aliases]) this.aliases.set(norm(a), p.region.id);
    return p;
  }

  all(): PolicyFile[] {
    return [...this.editions.values()].flat();
  }

  regionId(name: string): string {
    const id = this.aliases.get(norm(inputText(name ?? '')));
    if (!id) {
      const known = [...this.editions.values()].map((l) => l[0].region.names.zh).join('、');
      throw new MedaidError('UNKNOWN_REGION', { value: inputText(name ?? '').trim(), known });
    }
    return id;
  }

  /** The edition for a region and year (year omitted = the latest edition, at its own year). */
  select(region: string, year?: number): { policy: PolicyFile; year: number } {
    const list = this.editions.get(this.regionId(region))!;
    if (year === undefined) {
      const latest = list[list.length - 1];
      return { policy: latest, year: latest.edition.year };
    }
    const eligible = list.filter((e) => Number(e.edition.effective.slice(0, 4)) <= year);
    if (eligible.length === 0) {
      throw new MedaidError('UNKNOWN_YEAR', { region: list[0].region.names.zh, regionEn: list[0].region.names.en ?? list[0].region.names.zh, value: year, earliest: list[0].edition.effective.slice(0, 4) });
    }
    return { policy: eligible[eligible.length - 1], year };
  }

  /** Policy files whose id or region matches an override key. */
  matching(key: string): PolicyFile[] {
    const byId = this.all().filter((p) => p.id === key);
    if (byId.length) return byId;
    return this.editions.get(this.regionId(key)) ?? [];
  }

  list(): PolicyListRow[] {
    return this.all().map((p) => ({
      regionId: p.region.id,
      zh: p.region.names.zh,
      en: p.region.names.en,
      province: p.region.province,
      policyId: p.id,
      effective: p.edition.effective,
      year: p.edition.year,
      status: p.edition.status,
      documents: Object.values(p.documents).map((d) => d.number ?? d.title).join('；'),
    }));
  }
}
