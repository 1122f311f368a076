/**
 * The task pane: four steps as tabs (名册 · 核对 · 政策与方案 · 结果) that fit a 320–450 px
 * pane, with the Run button always at the bottom, so the analyst can go back to a mapping or
 * a scenario and run again. Controls are Fluent UI web components (ui/fluent.ts), the look
 * of Office's own panes. One language at a time; parameter paths and the policy files'
 * notes only in the advanced view.
 * State lives here; each change re-renders the page and puts keyboard focus back on the
 * control that had it (controls have stable ids). Progress updates only the progress bars.
 *
 * The roster itself never lives on this thread: files are read, mapped and checked in the
 * projection worker (worker/rosterSession.ts), which sends back only what is shown — the
 * header, the first rows, the mapping, the report's counts and first problems — so the page
 * stays responsive with 100,000 rows. After a cancel (which ends the worker) the roster is
 * sent again, from the files the analyst picked, before the next request.
 */
import type { Engine } from '../../engine/engine';
import { isMedaidError } from '../../engine/errors';
import type { Scenario } from '../../projection/types';
import { maskReport } from '../../roster/mask';
import type { ColumnMapping, RosterKind } from '../../roster/types';
import {
  figureText, figureValue, figuresEngine, hasFigures, missingFigures, noFigures, withFigure, withRegionFile,
  type AnalystFigures, type MissingFigure,
} from '../analystFigures';
import {
  AMOUNT_FIELDS, GROWTH_FIELDS, baselineFunding, baselineGrowth, fundDefaults, parseBaselineField,
  type BaselineField, type BaselineInputs, type FundDefault,
} from '../baselineInputs';
import { WriteCancelled, type Host } from '../host/Host';
import { allKeys, getLang, setLang, t, type Lang, type StringKey } from '../i18n';
import {
  asBilingual, columnChoices, groupMoney, mappingRows, previewRows, regionOptions, yearOptions,
  type BilingualError, type RegionOption,
} from '../paneLogic';
import { parseParamInput, policyParams, type PolicyParam } from '../policyParams';
import { plainMessage } from '../plainMessage';
import { searchParams } from '../paramSearch';
import { DEFAULT_RESULT_DETAIL, type ResultDetail } from '../resultDetail';
import { parseScenarioSet, scenarioSetJson } from '../scenarioStore';
import { Cancelled, type ProjectionClient } from '../worker/client';
import type { RunSummary } from '../runSummary';
import type { Phase } from '../worker/projectionJob';
import type { CheckView, Loaded, SchemeRegion, SourceInput, TableView } from '../worker/rosterSession';
import { drawCharts, destroyCharts, drawFanChart } from './charts';
import type { BudgetView, SolveView } from '../worker/budgetJob';
import type { FixTarget, PreflightFinding } from '../../projection/preflight';
import { clear, fx, h, table, type Child } from './dom';
import { compactTable, resultView } from './resultView';
import { sourceLine } from './source';

/** A table as the pane knows it: where it came from (to send it again to a new worker) and what it shows. */
interface Source {
  input: SourceInput;
  view: TableView;
}

interface Draft {
  /** Index in scenarios being edited, or -1 for a new one. */
  index: number;
  name: string;
  changes: Record<string, unknown>;
  param: string;
  input: string;
  /** What the analyst typed in the parameter search (paramSearch.ts). */
  query?: string;
  error?: BilingualError;
}

type TabId = 'roster' | 'check' | 'policy' | 'results';
const TABS: [TabId, StringKey][] = [['roster', 'tabRoster'], ['check', 'tabCheck'], ['policy', 'tabPolicy'], ['results', 'tabResults']];

/** A Fluent button. */
function button(id: string | undefined, label: Child, onclick: () => void, opts: { appearance?: 'primary' | 'secondary' | 'subtle' | 'transparent'; disabled?: boolean; size?: 'small' } = {}): HTMLElement {
  return fx('fluent-button', { ...(id ? { id } : {}), type: 'button', appearance: opts.appearance ?? 'secondary', ...(opts.size ? { size: opts.size } : {}), disabled: opts.disabled, onclick: () => onclick() }, label);
}

/** A Fluent dropdown (its options in a fluent-listbox, as the component expects); the chosen option's value goes to onchange. */
function dropdown(id: string, options: { value: string | number; label: string; selected: boolean }[], onchange: (value: string) => void, opts: { disabled?: boolean; required?: boolean } = {}): HTMLElement {
  return fx('fluent-dropdown', { id, disabled: opts.disabled, 'aria-required': opts.required === undefined ? undefined : String(opts.required), onchange: (ev) => onchange((ev.currentTarget as HTMLInputElement).value) },
    fx('fluent-listbox', {}, options.map((o) => {
      const opt = fx('fluent-option', { selected: o.selected }, o.label);
      opt.setAttribute('value', String(o.value)); // the attribute (the option's initial value), not only the property
      return opt;
    })));
}

/** A Fluent text input. */
function textInput(id: string, value: string, props: Record<string, string | ((ev: Event) => void) | Record<string, string> | undefined>): HTMLElement {
  return fx('fluent-text-input', { id, value, ...props });
}

/** A parameter's unit in the UI's language (the policy files name it in English: yuan, ratio …). */
function unitName(unit: string): string {
  const key = `unit_${unit}`;
  return allKeys().includes(key as StringKey) ? t(key as StringKey) : unit;
}

const valueOf = (ev: Event): string => (ev.currentTarget as HTMLInputElement).value;

type RunState =
  | { status: 'idle' }
  | { status: 'running'; phase: Phase; done: number; total: number }
  | { status: 'done'; summary: RunSummary; ms: number }
  | { status: 'cancelled' }
  | { status: 'error'; error: BilingualError };

type BudgetState =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; view: BudgetView; ms: number }
  | { status: 'error'; error: BilingualError };

/** Parameters the solver can fit (the need is known to be monotone in them: projection/solve.ts). */
const FITTABLE = /\.(ratio|cap|amount|topUpRatio|ratioDelta|share|deductible|threshold)$/;

/** A roster step under way in the worker (reading, checking): its progress and Cancel. */
interface LoadTask {
  phase: Phase;
  done: number;
  total: number;
}

export class PaneApp {
  private sources: Partial<Record<RosterKind, Source>> = {};
  private sheetNames: string[] = [];
  private chosenSheet: Partial<Record<RosterKind, string>> = {};
  private check: CheckView = { ready: false };
  /** The whole pre-flight for the roster, region, year and figures on screen (undefined: not yet / stale). */
  private findings: PreflightFinding[] | undefined;
  /** Something the pre-flight depends on changed: check again when the worker is free. */
  private preflightWanted = false;
  private preflightRunning = false;
  private preflightDone: Promise<void> | undefined;
  /** The worker generation that holds the roster (ProjectionClient.generation). */
  private heldBy = -1;
  private loadTask: LoadTask | undefined;
  private regions: RegionOption[];
  private region: RegionOption;
  private year: number;
  private scenarios: Scenario[] = [];
  private figures: AnalystFigures = noFigures();
  /** What the analyst typed per figure (kept when refused, to correct it), and the refusals. */
  private figureInputs: Record<string, string> = {};
  private figureErrors: Record<string, BilingualError> = {};
  private regionFileError: BilingualError | undefined;
  /** The baseline's funding/growth fields: text kept when refused (to correct it), and the refusals. */
  private baselineText: Partial<Record<BaselineField, string>> = {};
  private baselineErrors: Partial<Record<BaselineField, BilingualError>> = {};
  private engines: { figures: AnalystFigures; base: Engine; full: Engine } | undefined;
  private draft: Draft | undefined;
  private runState: RunState = { status: 'idle' };
  /** The budget panel under the results: its inputs as typed, and its last answer. */
  private budgetForm = { years: '3', draws: '1000', path: '', ceiling: '', districts: '' };
  private budgetState: BudgetState = { status: 'idle' };
  private mask = false;
  private detail: ResultDetail = DEFAULT_RESULT_DETAIL;
  /** The analyst confirmed seeing a run below the completeness threshold (reset by each run). */
  private acceptPartial = false;
  private status = '';
  private error: BilingualError | undefined;
  private busy = false;
  /** Download / Write under way: Cancel sets `stop` (the host checks it; the worker is told by client.cancel). */
  private writing: { stop: { stopped: boolean } } | undefined;
  private tab: TabId = 'roster';
  /** The advanced view: parameter paths, the policy files' notes, the CLI's flags. */
  private advanced = false;

  constructor(private readonly root: HTMLElement, private readonly host: Host, private readonly client: ProjectionClient) {
    this.regions = regionOptions(this.baseEngine());
    this.region = this.regions.find((r) => r.zh.startsWith('信阳')) ?? this.regions[0];
    this.year = this.region.years[this.region.years.length - 1];
  }

  async start(): Promise<void> {
    this.render();
    if (this.host.kind === 'office') await this.refreshSheets();
    try {
      const saved = await this.host.loadScenarios();
      if (saved) this.adoptSaved(saved.scenarios, saved.figures);
    } catch (e) {
      this.fail(e);
    }
    this.render();
  }

  /** Engines for the page: the editions with the analyst's region files (base) and with the figures too (full). */
  private baseEngine(): Engine {
    return this.enginesFor().base;
  }

  private fullEngine(): Engine {
    return this.enginesFor().full;
  }

  private enginesFor(): { base: Engine; full: Engine } {
    if (this.engines?.figures !== this.figures) {
      const base = figuresEngine(this.figures, false);
      this.engines = { figures: this.figures, base, full: figuresEngine(this.figures) };
    }
    return this.engines;
  }

  /** Scenarios and figures saved with a workbook (settings or a downloaded file): taken when the pane has none of its own. */
  private adoptSaved(scenarios: Scenario[], figures: AnalystFigures | undefined): void {
    if (figures && !hasFigures(this.figures)) {
      this.figures = figures;
      this.regions = regionOptions(this.baseEngine());
      this.region = this.regions.find((r) => r.region === this.region.region) ?? this.region;
    }
    if (this.scenarios.length === 0) this.scenarios = scenarios;
  }

  // ---- state changes -------------------------------------------------------------------

  private fail(e: unknown): void {
    this.error = asBilingual(e);
    this.status = '';
  }

  private async guard(work: () => Promise<void>): Promise<void> {
    this.error = undefined;
    this.busy = true;
    this.render();
    try {
      await work();
    } catch (e) {
      this.fail(e);
    } finally {
      this.busy = false;
      this.render();
    }
  }

  private async refreshSheets(): Promise<void> {
    await this.guard(async () => {
      const sheets = await this.host.listSheets();
      this.sheetNames = sheets.filter((s) => !s.own).map((s) => s.name);
    });
  }

  /**
   * A step of the roster in the worker (read, check), with progress and Cancel. A cancel ends
   * the worker: the roster read before stays on screen and is sent again to the next one.
   */
  private async rosterStep(work: () => Promise<void>): Promise<void> {
    this.loadTask = { phase: 'read', done: 0, total: 1 };
    // One request at a time in the worker: a pre-flight under way finishes first.
    await this.preflightDone;
    try {
      await this.guard(async () => {
        try {
          await this.restoreRoster();
          await work();
        } catch (e) {
          if (!(e instanceof Cancelled)) throw e;
          this.status = t('loadCancelled');
        }
      });
    } finally {
      this.loadTask = undefined;
      this.render();
    }
    if (this.preflightWanted) void this.runPreflight();
  }

  /** The roster, region, year or figures changed: the pre-flight on screen is stale; check again. */
  private requestPreflight(): void {
    this.stalePreflight();
    if (!this.client.busy && !this.loadTask && this.runState.status !== 'running') void this.runPreflight();
  }

  /** Stale, to be checked again when the roster step under way ends (rosterStep, run). */
  private stalePreflight(): void {
    this.findings = undefined;
    this.preflightWanted = true;
  }

  /**
   * The whole pre-flight before Run (issue 17): what will not be computed for this roster,
   * region, year and figures, and how to fix it, each fix a link to its field or column.
   * One request at a time; a change while it runs asks again.
   */
  private runPreflight(): Promise<void> {
    if (!this.preflightRunning) this.preflightDone = this.preflightLoop();
    return this.preflightDone ?? Promise.resolve();
  }

  private async preflightLoop(): Promise<void> {
    this.preflightRunning = true;
    try {
      while (this.preflightWanted && !this.client.busy) {
        this.preflightWanted = false;
        if (!this.sources.people || !this.sources.visits) {
          this.findings = undefined;
          break;
        }
        const key = { region: this.region.region, year: this.year, figures: this.figures };
        this.render();
        try {
          await this.restoreRoster();
          const findings = await this.client.preflight(key);
          // Still the choices on screen? Otherwise a newer request follows.
          if (key.region === this.region.region && key.year === this.year && key.figures === this.figures) this.findings = findings;
        } catch (e) {
          if (!(e instanceof Cancelled)) this.fail(e);
        }
      }
    } finally {
      this.preflightRunning = false;
      this.render();
    }
  }

  /** A fix's link: the tab that holds the field or column, and keyboard focus on it. */
  private goFix(target: FixTarget): void {
    let id: string;
    switch (target.kind) {
      case 'region': this.tab = 'policy'; id = 'region'; break;
      case 'year': this.tab = 'policy'; id = 'year'; break;
      case 'column': this.tab = 'check'; id = `map-${target.table}-${target.field}`; break;
      case 'figure': {
        this.tab = 'policy';
        const missing = this.missing();
        const i = Math.max(0, missing.findIndex((m) => m.key === target.path || m.path === target.path || (target.path ?? '').startsWith(`${m.path}.`)));
        id = missing.length ? `figure-${i}` : 'figures';
        break;
      }
      case 'regionFile': this.tab = 'policy'; id = 'region-file'; break;
      case 'report': this.tab = 'check'; id = `mapping-${target.table}`; break;
    }
    destroyCharts();
    this.render();
    // Once the new controls are set up: a Fluent dropdown assigns its inner control after it is
    // connected, and focusing it before then throws.
    const focus = (): boolean => {
      const el = document.getElementById(id) ?? document.getElementById(`panel-${this.tab}`);
      if (!el) return true;
      if (!/^fluent-/i.test(el.tagName) && el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
      try {
        el.focus();
      } catch {
        return false;
      }
      el.scrollIntoView?.({ block: 'center' });
      return el === document.activeElement || el.contains(document.activeElement);
    };
    let tries = 0;
    const retry = () => {
      if (!focus() && ++tries < 10) setTimeout(retry, 30);
    };
    requestAnimationFrame(retry);
  }

  private readonly onLoadProgress = (phase: Phase, done: number, total: number): void => {
    this.loadTask = { phase, done, total };
    const bar = document.getElementById('load-progress') as HTMLProgressElement | null;
    const label = document.getElementById('load-progress-label');
    if (bar) {
      bar.max = total;
      bar.value = done;
    }
    if (label) label.textContent = this.phaseText(phase, done, total);
  };

  /** After a cancel the worker is new and empty: send it the roster again, as it was (sheet and mapping). */
  private async restoreRoster(onProgress = this.onLoadProgress): Promise<void> {
    if (this.client.holds(this.heldBy)) return;
    const kinds = (['people', 'visits'] as const).filter((k) => this.sources[k]);
    let last: Loaded | undefined;
    for (const kind of kinds) {
      const src = this.sources[kind]!;
      last = await this.client.load(kind, src.input, this.year, { sheet: src.view.table.sheet, mapping: src.view.mapping, region: this.schemeRegion() }, onProgress);
      src.view = last.view;
    }
    if (last) this.check = last.check;
    this.heldBy = this.client.generation;
  }

  private setLoaded(kind: RosterKind, input: SourceInput, loaded: Loaded): void {
    this.sources[kind] = { input, view: loaded.view };
    this.check = loaded.check;
    this.stalePreflight();
    this.heldBy = this.client.generation;
    if (this.runState.status === 'done') this.runState = { status: 'idle' };
    const v = loaded.view;
    this.status = t('loaded', { sheet: v.table.sheet, rows: v.rowCount, header: v.table.headerRow });
    if (loaded.saved) this.adoptSaved(loaded.saved.scenarios, loaded.saved.figures);
  }

  private async openFile(kind: RosterKind, input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    // The File itself goes to the worker (a handle, not a copy); the worker reads and parses it.
    const source: SourceInput = { file: { name: file.name, blob: file } };
    await this.rosterStep(async () => {
      this.setLoaded(kind, source, await this.client.load(kind, source, this.year, { region: this.schemeRegion() }, this.onLoadProgress));
    });
  }

  private async chooseFileSheet(kind: RosterKind, sheet: string): Promise<void> {
    await this.rosterStep(async () => {
      const src = this.sources[kind];
      if (!src) return;
      this.setLoaded(kind, src.input, await this.client.chooseSheet(kind, sheet, this.year, this.onLoadProgress));
    });
  }

  private async readSheet(kind: RosterKind, name: string | undefined, selection = false): Promise<void> {
    await this.rosterStep(async () => {
      this.status = t('reading');
      this.render();
      const tbl = selection ? await this.host.readSelection() : await this.host.readSheet(name ?? '');
      const source: SourceInput = { table: tbl };
      this.setLoaded(kind, source, await this.client.load(kind, source, this.year, { region: this.schemeRegion() }, this.onLoadProgress));
    });
  }

  private async remap(kind: RosterKind, field: string, value: string): Promise<void> {
    await this.rosterStep(async () => {
      const src = this.sources[kind];
      if (!src) return;
      this.setLoaded(kind, src.input, await this.client.remap(kind, field, value === '' ? undefined : Number(value), this.year, this.onLoadProgress));
    });
  }

  /** The year decides which visits count, the region which outpatient schemes exist: check the roster again. */
  private async recheck(): Promise<void> {
    if (this.runState.status === 'done') this.runState = { status: 'idle' };
    if (!this.sources.people && !this.sources.visits) return;
    this.stalePreflight();
    await this.rosterStep(async () => {
      // The region too: each visit's outpatient scheme is checked against the region's (issue 16).
      this.check = await this.client.check(this.year, this.onLoadProgress, this.schemeRegion());
    });
  }

  /** The region (and the analyst's figures) the worker checks each visit's outpatient scheme against. */
  private schemeRegion(): SchemeRegion {
    return { region: this.region.region, figures: this.figures };
  }

  private setRegion(regionName: string): void {
    this.region = this.regions.find((r) => r.region === regionName) ?? this.region;
    const years = yearOptions(this.region);
    const yearChanged = !years.includes(this.year);
    if (yearChanged) this.year = this.region.years[this.region.years.length - 1];
    this.draft = undefined;
    if (this.runState.status === 'done') this.runState = { status: 'idle' };
    void this.recheck(); // the year decides which visits count, the region which outpatient schemes exist
    this.render();
  }

  private setYear(y: number): void {
    this.year = y;
    void this.recheck();
    this.render();
  }

  /** The edition's parameters, with the analyst's figures in force (the scenario editor's "current value"). */
  private params(): PolicyParam[] {
    try {
      return policyParams(this.fullEngine(), this.region.region, this.year);
    } catch (e) {
      this.fail(e);
      return [];
    }
  }

  private policyKey(): string {
    return this.baseEngine().resolve(this.region.region, this.year).policy.id;
  }

  private saveState(): void {
    void this.host.saveScenarios({ scenarios: this.scenarios, figures: this.figures }).catch((e) => {
      this.fail(e);
      this.render();
    });
  }

  private saveDraft(): void {
    const d = this.draft;
    if (!d) return;
    const name = d.name.trim();
    const scenario: Scenario = { name, overrides: Object.keys(d.changes).length ? { [this.policyKey()]: d.changes as Scenario['overrides'][string] } : {} };
    try {
      const others = this.scenarios.filter((_, i) => i !== d.index);
      // The projection's own validation (names, paths, values), exactly as a file would get it,
      // on the engine the scenarios build on (the analyst's region files and figures).
      const checked = parseScenarioSet(JSON.stringify([...others, scenario]), undefined, this.fullEngine()).scenarios;
      this.scenarios = checked;
      this.draft = undefined;
      this.saveState();
    } catch (e) {
      d.error = asBilingual(e);
    }
    this.render();
  }

  private addChange(): void {
    const d = this.draft;
    if (!d) return;
    const p = this.params().find((x) => x.path === d.param);
    if (!p) return;
    try {
      d.changes[p.path] = parseParamInput(p, d.input);
      d.input = '';
      d.error = undefined;
    } catch (e) {
      d.error = asBilingual(e);
    }
    this.render();
  }

  private async importScenarios(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    await this.guard(async () => {
      const set = parseScenarioSet(await file.text(), file.name, this.fullEngine());
      const names = new Set(set.scenarios.map((s) => s.name));
      this.scenarios = [...this.scenarios.filter((s) => !names.has(s.name)), ...set.scenarios];
      await this.host.saveScenarios({ scenarios: this.scenarios, figures: this.figures });
      this.status = t('scenariosLoaded', { n: set.scenarios.length });
    });
  }

  // ---- the analyst's figures -----------------------------------------------------------

  /** The figures the chosen edition leaves open (worked out without the analyst's values, so supplied ones stay listed). */
  private missing(): MissingFigure[] {
    try {
      return missingFigures(this.baseEngine(), this.region.region, this.year);
    } catch (e) {
      this.fail(e);
      return [];
    }
  }

  /**
   * What the analyst typed for a figure: parsed as the scenario editor parses a value, then
   * checked by the engine with every other figure (baselineEngine, as the CLI's --set). Refused
   * → the message under the field, in both languages, naming the parameter; nothing changes.
   */
  private setFigure(m: MissingFigure, text: string): void {
    this.figureInputs[m.key] = text;
    try {
      const value = text.trim() === '' ? undefined : parseParamInput(m.param, text);
      const next = withFigure(this.figures, m, value);
      figuresEngine(next);
      this.figures = next;
      delete this.figureErrors[m.key];
      delete this.figureInputs[m.key];
      if (this.runState.status === 'done') this.runState = { status: 'idle' };
      this.saveState();
      this.requestPreflight();
    } catch (e) {
      // Named by its path too (the form of the CLI's --set), whatever part of the check refused it.
      this.figureErrors[m.key] = asBilingual(isMedaidError(e) && !e.zh.includes(m.path) ? e.at(m.key) : e);
    }
    this.render();
  }

  /**
   * A funding or growth field of the baseline: checked as the CLI checks its flag, then with
   * the others by the projection's validateFunding/validateGrowth. Refused → the message
   * under the field, in both languages; nothing changes. Kept in the figures (saved with them).
   */
  private setBaselineInput(field: BaselineField, text: string): void {
    this.baselineText[field] = text;
    try {
      const value = parseBaselineField(field, text);
      const next: BaselineInputs = { ...(this.figures.baseline ?? {}) };
      if (value === undefined) delete next[field];
      else next[field] = value;
      baselineFunding(next);
      baselineGrowth(next);
      this.figures = { ...this.figures, baseline: next };
      delete this.baselineErrors[field];
      delete this.baselineText[field];
      if (this.runState.status === 'done') this.runState = { status: 'idle' };
      this.saveState();
    } catch (e) {
      this.baselineErrors[field] = asBilingual(e);
    }
    this.render();
  }

  private async loadRegionFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    this.regionFileError = undefined;
    try {
      const added = withRegionFile(this.figures, { source: file.name, text: await file.text() });
      this.figures = added.figures;
      this.regions = regionOptions(this.baseEngine());
      this.setRegion(this.regions.find((r) => r.zh === added.region)?.region ?? this.region.region);
      this.status = t('regionFileLoaded', { file: file.name, region: added.region });
      this.saveState();
      this.requestPreflight();
    } catch (e) {
      this.regionFileError = asBilingual(e);
    }
    input.value = '';
    this.render();
  }

  private removeRegionFile(index: number): void {
    const next: AnalystFigures = { ...this.figures, policies: this.figures.policies.filter((_, i) => i !== index) };
    try {
      figuresEngine(next); // figures or scenarios may name that region: the engine says so
      this.figures = next;
      this.regions = regionOptions(this.baseEngine());
      if (!this.regions.some((r) => r.region === this.region.region)) this.setRegion(this.regions[0].region);
      this.saveState();
      this.requestPreflight();
    } catch (e) {
      this.regionFileError = asBilingual(e);
    }
    this.render();
  }

  private exportScenarios(): void {
    const json = scenarioSetJson({ scenarios: this.scenarios });
    const blob = new Blob([json], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: `${getLang() === 'zh' ? '测算方案' : 'scenarios'}-${this.region.en}-${this.year}.json`, class: 'hidden' });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  private async run(): Promise<void> {
    if (!this.sources.people || !this.sources.visits || !this.check.ready) return;
    // A pre-flight under way finishes first (one request at a time in the worker); the run checks again itself.
    await this.preflightDone;
    if (this.runState.status === 'running') return; // clicked twice while it waited
    this.error = undefined;
    this.acceptPartial = false;
    this.runState = { status: 'running', phase: 'import', done: 0, total: 1 };
    this.budgetState = { status: 'idle' };
    this.tab = 'results';
    destroyCharts();
    this.render();
    const onProgress = (phase: Phase, done: number, total: number) => this.progress(phase, done, total);
    try {
      // A worker started after a cancel holds no roster: send it again (the run's bar shows it).
      await this.restoreRoster(onProgress);
      const r = await this.client.run({ region: this.region.region, year: this.year, scenarios: this.scenarios, figures: this.figures }, onProgress);
      this.runState = { status: 'done', summary: r.summary, ms: r.ms };
      this.status = t('done', { s: (r.ms / 1000).toFixed(1) });
    } catch (e) {
      if (e instanceof Cancelled) {
        this.runState = { status: 'cancelled' };
        this.status = t('cancelled');
      } else {
        this.runState = { status: 'error', error: asBilingual(e instanceof Error && 'error' in e ? (e as { error: unknown }).error : e) };
        this.fail(this.runState.error);
      }
    }
    this.render();
    if (this.preflightWanted) void this.runPreflight();
  }

  private progress(phase: Phase, done: number, total: number): void {
    this.runState = { status: 'running', phase, done, total };
    const bar = document.getElementById('run-progress') as HTMLProgressElement | null;
    const label = document.getElementById('run-progress-label');
    if (bar) {
      bar.max = total;
      bar.value = done;
    }
    if (label) label.textContent = this.progressText();
  }

  private progressText(): string {
    const s = this.runState;
    if (s.status !== 'running') return '';
    return this.phaseText(s.phase, s.done, s.total);
  }

  private phaseText(p: Phase, done: number, total: number): string {
    const phase =
      p === 'read' ? t('phaseRead')
      : p === 'check' ? t('phaseCheck')
      : p === 'import' ? t('phaseImport')
      : p === 'book' ? t('phaseBook')
      : t('phaseProject', { name: this.scenarios.length ? `${t('baseline')} + ${this.scenarios.length}` : t('baseline') });
    return `${phase} — ${t('running', { done, total })}`;
  }

  /**
   * Download / Write: the worker builds the result tables (a tick every 2,000 rows of 明细,
   * 人员, 校验报告), zips them (file mode; percent, after an indeterminate step while exceljs
   * lays out the XML), then the host saves the file or writes the sheets in blocks. Cancel
   * works at every stage and keeps the run: the worker stops at its next checkpoint without
   * ending (client.cancel), the host at its next block, removing what it wrote (WriteCancelled).
   */
  private async writeResult(): Promise<void> {
    if (this.runState.status !== 'done' || this.writing) return;
    const writing = (this.writing = { stop: { stopped: false } });
    await this.guard(async () => {
      const office = this.host.kind === 'office';
      const show = (phase: 'book' | 'zip' | 'write', text: string, done?: number, total?: number) => {
        if (writing.stop.stopped) return;
        const label = document.getElementById('write-status');
        if (label) label.textContent = text;
        const bar = document.getElementById('write-progress') as (HTMLElement & { max: number; value: number | null }) | null;
        if (!bar) return;
        bar.classList.remove('hidden');
        bar.dataset.phase = phase;
        if (done === undefined || total === undefined || total === 0) bar.value = null; // no measure: indeterminate
        else {
          bar.max = total;
          bar.value = done;
        }
      };
      try {
        // File mode: the scenarios and figures go into the download (hidden sheets) in the same pass.
        const book = await this.client.book({ lang: getLang(), mask: this.mask, detail: this.detail, sheets: office, xlsx: !office, scenarios: office ? undefined : { scenarios: this.scenarios, figures: this.figures } }, (phase, done, total) => {
          if (phase === 'zip') show('zip', total === 0 ? `${t('phaseZipXml')}……` : t('phaseZip', { percent: done }), done, total);
          else show('book', `${t('phaseBook')} — ${t('running', { done, total })}`, done, Math.max(1, total));
        });
        const outcome = await this.host.writeResult(
          { sheets: book.sheets, charts: book.charts, xlsx: async () => book.xlsx, fileName: book.fileName },
          (done, total) => show('write', t('writing', { done, total }), done, total),
          writing.stop,
        );
        this.status = office
          ? t('written', { names: outcome.written.join('、') }) + (outcome.replaced.length ? ' ' + t('replaced', { names: outcome.replaced.join('、') }) : '')
          : t('downloaded', { name: outcome.written[0] });
      } catch (e) {
        if (e instanceof WriteCancelled) {
          this.status = office ? t('writeCancelledOffice') + (e.replaced.length ? ' ' + t('writeCancelledReplaced', { names: e.replaced.join('、') }) : '') : t('writeCancelled');
        } else if (e instanceof Cancelled) this.status = office ? t('writeCancelledOffice') : t('writeCancelled');
        else throw e;
      } finally {
        this.writing = undefined;
      }
    });
  }

  /** Cancel under Download / Write: the worker stops building or zipping, the host writing. */
  private cancelWrite(): void {
    if (!this.writing || this.writing.stop.stopped) return;
    this.writing.stop.stopped = true;
    this.client.cancelBook(); // a book being built stops at its next checkpoint; the worker and its run stay
    const label = document.getElementById('write-status');
    if (label) label.textContent = t('cancelling');
    const button = document.getElementById('cancel-write') as HTMLButtonElement | null;
    if (button) button.disabled = true;
  }

  // ---- rendering -----------------------------------------------------------------------

  render(): void {
    const focused = document.activeElement?.id;
    clear(this.root);
    document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
    this.root.append(
      this.header(),
      h('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' }, this.status),
      h('div', { id: 'error', class: this.error ? 'error' : 'hidden', role: 'alert', 'aria-live': 'assertive' }, this.error ? this.errorBox(this.error) : ''),
      this.tabs(),
      h('div', { id: `panel-${this.tab}`, class: 'panel', role: 'tabpanel', 'aria-labelledby': `tab-${this.tab}` }, this.panel()),
      this.step4(),
    );
    if (focused) document.getElementById(focused)?.focus();
    // The charts in a task of their own, after the page is built: building the results and drawing
    // them in one task took over 100 ms at 100k visits (the main thread's budget, issue 9). Only the
    // latest render draws (a render in between has replaced the canvases).
    const drawn = ++this.renders;
    if (this.runState.status === 'done' && this.tab === 'results') {
      setTimeout(() => {
        if (drawn !== this.renders || this.runState.status !== 'done') return;
        const d = document.getElementById('chart-district') as HTMLCanvasElement | null;
        const c = document.getElementById('chart-category') as HTMLCanvasElement | null;
        if (d && c) drawCharts(d, c, this.runState.summary, getLang());
        const fan = document.getElementById('chart-fan') as HTMLCanvasElement | null;
        if (fan && this.budgetState.status === 'done') drawFanChart(fan, this.budgetState.view, getLang());
      }, 0);
    }
  }

  /** Renders so far (the charts of an earlier one are not drawn). */
  private renders = 0;

  private tabs(): HTMLElement {
    return fx('fluent-tablist', {
      id: 'steps', 'aria-label': t('stepsLabel'), activeid: `tab-${this.tab}`,
      onchange: (ev) => {
        const next = ((ev.currentTarget as HTMLElement & { activeid?: string }).activeid ?? '').replace(/^tab-/, '') as TabId;
        if (TABS.some(([id]) => id === next) && next !== this.tab) {
          this.tab = next;
          destroyCharts();
          this.render();
        }
      },
    }, TABS.map(([id, key]) => fx('fluent-tab', { id: `tab-${id}`, 'aria-controls': `panel-${id}` }, t(key))));
  }

  private panel(): HTMLElement {
    switch (this.tab) {
      case 'roster': return this.step1();
      case 'check': return this.step2();
      case 'policy': return this.step3();
      case 'results': return this.step5();
    }
  }

  /** A message in the UI's language; in the plain view parameter paths read as the documents name them. */
  private say(text: string): string {
    return this.advanced ? text : plainMessage(text, this.paramLabels());
  }

  private paramLabels(): Map<string, string> {
    const lang = getLang();
    const labels = new Map<string, string>();
    for (const p of this.params()) labels.set(p.path, lang === 'zh' ? p.zh : p.en);
    for (const m of this.missing()) labels.set(m.path, lang === 'zh' ? m.param.zh : m.param.en);
    return labels;
  }

  private errorBox(e: BilingualError): Child {
    return [h('strong', {}, t('errorTitle') + '：'), ' ', h('span', {}, this.say(getLang() === 'zh' ? e.zh : e.en))];
  }

  private header(): HTMLElement {
    const other: Lang = getLang() === 'zh' ? 'en' : 'zh';
    return h(
      'header',
      { class: 'pane-header' },
      h('h1', {}, t('appTitle')),
      fx('fluent-button', { id: 'lang-switch', type: 'button', appearance: 'subtle', size: 'small', 'aria-label': t('langSwitchLabel'), lang: other === 'zh' ? 'zh-CN' : 'en', onclick: () => { setLang(other); this.render(); } }, t('langSwitch')),
      h('p', { class: 'mode', id: 'mode', dataset: { mode: this.host.kind } }, this.host.kind === 'office' ? t('modeOffice') : t('modeFile')),
    );
  }

  private section(id: string, title: StringKey, ...body: Child[]): HTMLElement {
    return h('section', { id, 'aria-labelledby': `${id}-title` }, h('h2', { id: `${id}-title` }, t(title)), ...body);
  }

  private step1(): HTMLElement {
    const task = this.loadTask;
    return this.section('step-roster', 'step1',
      (['people', 'visits'] as const).map((k) => this.sourcePicker(k)),
      // Reading and checking run in the worker: their progress, and Cancel.
      h('div', { id: 'load-task', class: task ? '' : 'hidden' },
        h('label', { for: 'load-progress' }, t('loadProgress')),
        fx('fluent-progress-bar', { id: 'load-progress', max: task?.total ?? 1, value: task?.done ?? 0 }),
        h('p', { id: 'load-progress-label', role: 'status', 'aria-live': 'polite' }, task ? this.phaseText(task.phase, task.done, task.total) : ''),
        button('cancel-load', t('cancelLoad'), () => this.client.cancel(), { disabled: !task })),
    );
  }

  /** A file picker: the native input (hidden, keyboard-reachable through its label) styled as a Fluent button. */
  private filePicker(id: string, labelText: string, accept: string, onPick: (input: HTMLInputElement) => void, disabled = false): Child[] {
    return [
      h('input', { id, type: 'file', class: 'visually-hidden', accept, disabled, onchange: (ev) => onPick(ev.target as HTMLInputElement) }),
      h('label', { for: id, class: disabled ? 'file-button disabled' : 'file-button' }, labelText),
    ];
  }

  private sourcePicker(kind: RosterKind): HTMLElement {
    const label = t(kind === 'people' ? 'peopleTable' : 'visitsTable');
    const src = this.sources[kind];
    const info = src ? t('loaded', { sheet: src.view.table.sheet, rows: src.view.rowCount, header: src.view.table.headerRow }) : t('notLoaded');
    const controls: Child[] = [];
    if (this.host.kind === 'file') {
      controls.push(h('div', { class: 'buttons' }, this.filePicker(`file-${kind}`, t('chooseFile'), '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', (input) => void this.openFile(kind, input), this.busy)));
      const labels = src?.view.labels;
      if (labels && labels.length > 1) {
        const sid = `file-sheet-${kind}`;
        controls.push(
          h('label', { for: sid }, t('sheetInFile')),
          dropdown(sid, labels.map((l) => ({ value: l, label: l, selected: l === src.view.table.sheet })), (v) => void this.chooseFileSheet(kind, v), { disabled: this.busy }),
        );
      }
    } else {
      const sid = `sheet-${kind}`;
      const chosen = this.chosenSheet[kind] ?? this.sheetNames[kind === 'people' ? 0 : 1] ?? this.sheetNames[0];
      controls.push(
        h('label', { for: sid }, t('chooseSheet')),
        dropdown(sid, this.sheetNames.map((n) => ({ value: n, label: n, selected: n === chosen })), (v) => { this.chosenSheet[kind] = v; }),
        h('div', { class: 'buttons' },
          button(`read-${kind}`, t('useSheet'), () => void this.readSheet(kind, this.chosenSheet[kind] ?? chosen), { appearance: 'primary', disabled: this.busy }),
          button(`sel-${kind}`, t('useSelection'), () => void this.readSheet(kind, undefined, true), { disabled: this.busy }),
          kind === 'people' ? button('refresh-sheets', t('refreshSheets'), () => void this.refreshSheets(), { appearance: 'subtle' }) : null,
        ),
      );
    }
    const result = kind === 'people' ? this.check.people : this.check.visits;
    const counts = result
      ? h('p', { class: 'counts', id: `counts-${kind}`, dataset: { total: String(result.summary.total), used: String(result.summary.used), rejected: String(result.summary.rejected), blank: String(result.summary.blank) } },
          t('reportCounts', { table: label, total: result.summary.total, used: result.summary.used, rejected: result.summary.rejected, blank: result.summary.blank, warnings: result.summary.warnings }))
      : null;
    return h('fieldset', { class: 'source' }, h('legend', {}, label), ...controls, h('p', { class: 'hint', id: `info-${kind}` }, info), counts);
  }

  private step2(): HTMLElement {
    const parts: Child[] = [];
    for (const kind of ['people', 'visits'] as const) {
      const src = this.sources[kind];
      if (!src) continue;
      parts.push(this.mappingEditor(kind, src));
    }
    return this.section('step-mapping', 'step2', parts.length ? parts : h('p', { class: 'hint' }, t('notLoaded')));
  }

  private mappingEditor(kind: RosterKind, src: Source): HTMLElement {
    const tableName = t(kind === 'people' ? 'peopleTable' : 'visitsTable');
    const lang = getLang();
    const view = src.view;
    const choices = columnChoices(view.table);
    const fields = mappingRows(view.mapping as ColumnMapping<typeof kind>).map((r) => {
      const id = `map-${kind}-${r.field}`;
      return h('div', { class: 'map-field' },
        h('label', { for: id }, `${lang === 'zh' ? r.zh : r.en}${r.required ? ' *' : ''}`, h('span', { class: 'hint' }, ` ${r.required ? t('required') : t('optional')}`)),
        dropdown(id, [{ value: '', label: t('noColumn'), selected: r.column === undefined }, ...choices.map((c) => ({ value: c.index, label: c.label, selected: c.index === r.column }))],
          (v) => void this.remap(kind, r.field, v), { disabled: this.busy, required: r.required }));
    });
    const preview = previewRows(view.table, 5);
    const result = kind === 'people' ? this.check.people : this.check.visits;
    const err = kind === 'people' ? this.check.peopleError : this.check.visitsError;
    const report: Child[] = [];
    if (err) report.push(h('div', { class: 'error', role: 'alert', id: `report-error-${kind}` }, this.errorBox(err)));
    if (result) {
      // The worker sends the first problems (errors first); masked here when the analyst asks.
      const entries = this.mask ? maskReport(result.entries) : result.entries;
      if (result.count === 0) report.push(h('p', { class: 'hint' }, t('reportNone')));
      else {
        report.push(
          h('div', { class: 'table-box' },
            table(`${tableName} — ${t('problem')}`, [`${t('row')} / ${t('cell')}`, t('problem')],
              entries.map((e) => [
                h('span', {}, String(e.rowNumber), h('br'), h('span', { class: 'hint' }, e.cell ?? e.column)),
                h('span', {}, h('strong', { class: e.severity }, e.severity === 'error' ? t('sevError') : t('sevWarning')), h('br'),
                  e.value ? [h('span', { class: 'hint' }, `${t('value')}：${e.value}`), h('br')] : null,
                  this.say(lang === 'zh' ? e.zh : e.en)),
              ]), { class: 'problems', id: `problems-${kind}` })),
        );
        if (result.count > entries.length) report.push(h('p', { class: 'hint' }, t('reportMore', { n: result.count - entries.length })));
      }
    }
    return h('div', { class: 'mapping', id: `mapping-${kind}` },
      h('h3', {}, t('mappingFor', { table: tableName })),
      h('div', { class: 'map-fields' }, fields),
      h('div', { class: 'scroll' }, table(t('preview', { n: preview.length }), [t('row'), ...view.table.header], preview.map((p) => [String(p.rowNumber), ...p.cells]), { class: 'preview' })),
      ...report,
    );
  }

  private step3(): HTMLElement {
    const years = yearOptions(this.region);
    const lang = getLang();
    const labels = this.paramLabels();
    const list = this.scenarios.length
      ? h('ul', { class: 'scenarios', id: 'scenario-list' }, this.scenarios.map((s, i) => h('li', {},
          h('strong', {}, s.name), ' ',
          h('span', { class: 'hint' }, Object.values(s.overrides).flatMap((o) => Object.entries(o).map(([k, v]) => `${this.advanced ? k : labels.get(k) ?? k} = ${JSON.stringify(v)}`)).join('；')),
          button(`edit-scenario-${i}`, t('editScenario'), () => { this.draft = { index: i, name: s.name, changes: { ...(Object.values(s.overrides)[0] ?? {}) }, param: '', input: '' }; this.render(); }, { appearance: 'transparent', size: 'small' }),
          button(`remove-scenario-${i}`, t('removeScenario'), () => { this.scenarios.splice(i, 1); this.saveState(); this.render(); }, { appearance: 'transparent', size: 'small' }),
        )))
      : h('p', { class: 'hint' }, t('noScenarios'));
    // The worker is busy while a file is read or a run goes on: a new year (which re-checks the visits) waits.
    const locked = this.busy || this.runState.status === 'running';
    return this.section('step-scenarios', 'step3',
      h('div', { class: 'map-field' },
        h('label', { for: 'region' }, t('region')),
        dropdown('region', this.regions.map((r) => ({ value: r.region, label: lang === 'zh' ? r.zh : r.en, selected: r.region === this.region.region })), (v) => this.setRegion(v), { disabled: locked })),
      h('div', { class: 'map-field' },
        h('label', { for: 'year' }, t('year')),
        dropdown('year', years.map((y) => ({ value: y, label: String(y), selected: y === this.year })), (v) => this.setYear(Number(v)), { disabled: locked })),
      h('div', { class: 'row' },
        fx('fluent-checkbox', { id: 'advanced', checked: this.advanced, onchange: (ev) => { this.advanced = (ev.currentTarget as HTMLInputElement).checked; this.render(); } }),
        h('label', { for: 'advanced' }, t('advanced'))),
      this.figuresPanel(),
      this.baselinePanel(),
      h('h3', {}, t('scenarios')),
      list,
      this.draft ? this.scenarioEditor(this.draft) : button('add-scenario', t('addScenario'), () => { this.draft = { index: -1, name: '', changes: {}, param: '', input: '' }; this.render(); document.getElementById('draft-name')?.focus(); }),
      h('div', { class: 'buttons' },
        this.filePicker('import-scenarios', t('loadScenarios'), '.json,application/json', (input) => void this.importScenarios(input)),
        button('export-scenarios', t('exportScenarios'), () => this.exportScenarios(), { disabled: this.scenarios.length === 0 }),
      ),
    );
  }

  /** 本地区补充参数: the edition's open figures, with inputs; the analyst's region files. */
  private figuresPanel(): HTMLElement {
    const lang = getLang();
    const missing = this.missing();
    const rows = missing.map((m, i) => {
      const id = `figure-${i}`;
      const given = figureValue(this.figures, m);
      const text = this.figureInputs[m.key] ?? figureText(given);
      const err = this.figureErrors[m.key];
      const p = m.param;
      return h('div', { class: 'figure', dataset: { figure: m.key, supplied: given === undefined ? 'false' : 'true' } },
        h('label', { for: id }, `${lang === 'zh' ? p.zh : p.en}（${unitName(p.unit)}）`),
        textInput(id, text, {
          dataset: { figure: m.key }, 'aria-describedby': `${id}-hint`,
          onchange: (ev) => this.setFigure(m, valueOf(ev)),
        }),
        h('span', { class: given === undefined ? 'badge missing' : 'badge' }, given === undefined ? t('figureMissing') : t('figureSupplied')),
        h('p', { class: 'hint', id: `${id}-hint` },
          sourceLine(p.citation, p.quote),
          m.neededBy?.length ? [h('br'), t('figureNeededBy', { terms: m.neededBy.map((x) => (lang === 'zh' ? x.zh : x.en)).join(lang === 'zh' ? '；' : '; ') })] : null,
          this.advanced ? [h('br'), h('code', {}, m.path), p.note ? [h('br'), p.note] : null] : null),
        err ? h('div', { class: 'error', role: 'alert', id: `${id}-error` }, this.errorBox(err)) : null,
      );
    });
    const files = this.figures.policies;
    return h('fieldset', { class: 'figures', id: 'figures' },
      h('legend', {}, t('figuresTitle')),
      h('p', { class: 'hint' }, t('figuresHint')),
      rows.length ? rows : h('p', { class: 'hint', id: 'figures-none' }, t('figuresNone')),
      h('div', { class: 'buttons' }, this.filePicker('region-file', t('regionFile'), '.json,application/json', (input) => void this.loadRegionFile(input))),
      h('p', { class: 'hint' }, t('regionFileHint')),
      this.regionFileError ? h('div', { class: 'error', role: 'alert', id: 'region-file-error' }, this.errorBox(this.regionFileError)) : null,
      files.length
        ? h('ul', { id: 'region-files', 'aria-label': t('regionFiles') }, files.map((f, i) => h('li', {}, f.source, ' ',
            button(`remove-region-file-${i}`, t('removeScenario'), () => this.removeRegionFile(i), { appearance: 'transparent', size: 'small' }))))
        : null,
    );
  }

  /** 资金来源与增长假设: the baseline's funding and growth (the CLI's --lottery … --premium-growth), each with the policy's value it replaces. */
  private baselinePanel(): HTMLElement {
    let defaults: Record<'lottery' | 'donations' | 'transfers' | 'ratio', FundDefault> | undefined;
    try {
      defaults = fundDefaults(this.fullEngine(), this.region.region, this.year);
    } catch (e) {
      this.fail(e);
    }
    const saved = this.figures.baseline ?? {};
    const field = (f: BaselineField, labelText: string, d: FundDefault | undefined): HTMLElement => {
      const id = `baseline-${f}`;
      const err = this.baselineErrors[f];
      const shown = d ? (f === 'ratio' ? d.value : groupMoney(d.value)) : '0';
      return h('div', { class: 'figure baseline-input', dataset: { field: f } },
        h('label', { for: id }, labelText),
        textInput(id, this.baselineText[f] ?? saved[f]?.replace(/%$/, '') ?? '', {
          placeholder: d ? shown : '0', 'aria-describedby': `${id}-hint`,
          onchange: (ev) => this.setBaselineInput(f, valueOf(ev)),
        }),
        h('p', { class: 'hint', id: `${id}-hint` },
          d?.origin === 'policy' ? t('blankPolicy', { value: shown }) : t('blankDefault', { value: shown }),
          d?.citation ? h('br') : null,
          sourceLine(d?.citation, d?.quote)),
        err ? h('div', { class: 'error', role: 'alert', id: `${id}-error` }, this.errorBox(err)) : null,
      );
    };
    const flags = ['--lottery', '--donations', '--transfers', '--ratio', '--headcount-growth', '--cost-growth', '--premium-growth'];
    return h('fieldset', { class: 'figures', id: 'baseline-inputs' },
      h('legend', {}, t('baselineInputsTitle')),
      h('p', { class: 'hint' }, t('baselineInputsHint'), this.advanced ? [h('br'), t('cliFlags', { flags: flags.join(' ') })] : null),
      AMOUNT_FIELDS.map((f) => field(f, t('amountYuan', { name: t(f) }), defaults?.[f])),
      field('ratio', t('ratioInput'), defaults?.ratio),
      h('h4', {}, t('growthTitle')),
      GROWTH_FIELDS.map((f) => field(f, t(f), { value: '0', origin: 'default' })),
    );
  }

  private scenarioEditor(d: Draft): HTMLElement {
    const params = this.params();
    const chosen = params.find((p) => p.path === d.param);
    const lang = getLang();
    return h('fieldset', { class: 'editor', id: 'scenario-editor' },
      h('legend', {}, d.index < 0 ? t('addScenario') : `${t('editScenario')}：${d.name}`),
      h('label', { for: 'draft-name' }, t('scenarioName')),
      textInput('draft-name', d.name, { oninput: (ev) => { d.name = valueOf(ev); } }),
      h('label', { for: 'draft-param-search' }, t('paramSearch')),
      textInput('draft-param-search', d.query ?? '', { 'aria-controls': 'draft-param', 'aria-describedby': 'draft-param-count', oninput: (ev) => { d.query = valueOf(ev); this.refreshParamList(d); } }),
      h('label', { for: 'draft-param' }, t('parameter')),
      this.paramList(d),
      h('p', { class: 'hint', id: 'draft-param-count', 'aria-live': 'polite' }, this.paramCount(d)),
      chosen
        ? h('div', { class: 'param-info', id: 'param-info' },
            h('p', {}, `${t('currentValue')}：`, h('strong', {}, chosen.current || '—'), `（${unitName(chosen.unit)}）`),
            h('p', { class: 'hint' }, sourceLine(chosen.citation, chosen.quote), this.advanced ? [h('br'), h('code', {}, chosen.path), chosen.note ? [h('br'), chosen.note] : null] : null),
            h('label', { for: 'draft-value' }, t('newValue')),
            textInput('draft-value', d.input, { oninput: (ev) => { d.input = valueOf(ev); }, onkeydown: (ev) => { if ((ev as KeyboardEvent).key === 'Enter') this.addChange(); } }),
            button('draft-add', t('addParam'), () => this.addChange()))
        : null,
      Object.keys(d.changes).length
        ? h('ul', { id: 'draft-changes' }, Object.entries(d.changes).map(([k, v]) => {
            const p = params.find((x) => x.path === k);
            return h('li', {}, `${p ? (lang === 'zh' ? p.zh : p.en) : k}：${p?.current ?? ''} → ${JSON.stringify(v)} `,
              button(undefined, t('removeScenario'), () => { delete d.changes[k]; this.render(); }, { appearance: 'transparent', size: 'small' }));
          }))
        : null,
      d.error ? h('div', { class: 'error', role: 'alert' }, this.errorBox(d.error)) : null,
      h('div', { class: 'buttons' },
        button('draft-save', t('saveScenario'), () => this.saveDraft(), { appearance: 'primary' }),
        button('draft-cancel', t('cancel'), () => { this.draft = undefined; this.render(); })),
    );
  }

  /** The parameter dropdown, narrowed to what the search matches (the chosen one always kept). */
  private paramList(d: Draft): HTMLElement {
    const lang = getLang();
    const shown = searchParams(this.params(), d.query ?? '', { advanced: this.advanced, keep: d.param });
    return dropdown('draft-param', [{ value: '', label: '—', selected: d.param === '' },
      ...shown.map((p) => ({ value: p.path, label: `${lang === 'zh' ? p.zh : p.en}（${p.current || '—'}）${this.advanced ? ` ${p.path}` : ''}`, selected: p.path === d.param }))],
      (v) => { d.param = v; this.render(); });
  }

  private paramCount(d: Draft): string {
    const all = this.params();
    return t('paramMatches', { n: searchParams(all, d.query ?? '', { advanced: this.advanced }).length, total: all.length });
  }

  /** Typing in the search replaces only the dropdown and the count: a full render would take the focus from the search field. */
  private refreshParamList(d: Draft): void {
    document.getElementById('draft-param')?.replaceWith(this.paramList(d));
    const count = document.getElementById('draft-param-count');
    if (count) count.textContent = this.paramCount(d);
  }

  /** Run and Cancel, always at the bottom of the pane, with the run's progress. */
  private step4(): HTMLElement {
    const s = this.runState;
    const running = s.status === 'running';
    // Pre-flight (issue 17), before Run: the whole check once both tables are read; until then
    // (or while it runs) the year check the roster's check gives. A year with no visits stops.
    const findings = this.findings ?? (this.check.year ? [this.check.year] : []);
    return h('section', { id: 'step-run', class: 'action-bar', 'aria-label': t('step4') },
      findings.length
        ? h('div', { id: 'preflight-before', class: 'preflight', role: 'status', 'aria-live': 'polite' },
            h('h3', {}, t('preflightBefore')),
            h('ul', {}, findings.map((f, i) => this.findingItem(f, `preflight-fix-${i}`))))
        : null,
      this.preflightRunning ? h('p', { class: 'hint', id: 'preflight-running' }, t('preflightRunning')) : null,
      h('div', { class: 'buttons' },
        button('run', t('run'), () => void this.run(), { appearance: 'primary', disabled: running || !!this.loadTask || !this.check.ready || findings.some((f) => f.stop) }),
        button('cancel-run', t('cancel'), () => this.client.cancel(), { disabled: !running })),
      !this.check.ready && !running ? h('p', { class: 'hint' }, t('runHint')) : null,
      h('label', { for: 'run-progress', class: running ? '' : 'hidden' }, t('step4')),
      fx('fluent-progress-bar', { id: 'run-progress', class: running ? '' : 'hidden', max: running ? s.total : 1, value: running ? s.done : 0 }),
      h('p', { id: 'run-progress-label', role: 'status', 'aria-live': 'polite' }, running ? this.progressText() : ''),
    );
  }

  /** A pre-flight finding in the pane's words, its fix a link that focuses the field or column (fixes.ts). */
  private findingItem(f: PreflightFinding, linkId: string): HTMLElement {
    const lang = getLang();
    const year = f.code === 'YEAR_WITHOUT_VISITS' || f.code === 'VISITS_OUT_OF_YEAR';
    const fix = f.fix.pane;
    return h('li', { ...(year ? { id: 'preflight-year' } : {}), class: f.stop ? 'error' : 'warning', 'data-code': f.code, 'data-target': f.fix.target.kind, ...(f.stop ? { role: 'alert' } : {}) },
      this.say(lang === 'zh' ? f.zh : f.en), h('br'),
      `${t('fixLabel')}：`,
      h('button', { type: 'button', id: linkId, class: 'fix-link', onclick: () => this.goFix(f.fix.target) }, this.say(lang === 'zh' ? fix.zh : fix.en)));
  }

  /** The completeness line first; then what the totals exclude and the pre-flight's findings with their fixes. */
  private completenessBlock(sum: RunSummary): Child[] {
    const c = sum.baseline.completeness;
    const lang = getLang();
    const out: Child[] = [];
    out.push(c ? h('p', { id: 'completeness', class: c.belowThreshold ? 'error' : c.label.zh.startsWith('完整') ? 'hint' : 'warning', role: 'status' }, h('strong', {}, lang === 'zh' ? c.label.zh : c.label.en)) : null);
    const notes = c ? (lang === 'zh' ? c.notes.zh : c.notes.en) : [];
    if (notes.length) out.push(h('ul', { id: 'completeness-notes' }, notes.map((n) => h('li', {}, this.say(n)))));
    if (sum.preflight?.length) {
      out.push(h('div', { id: 'preflight' }, h('h3', {}, t('preflightTitle')),
        h('ul', {}, sum.preflight.map((f, i) => this.findingItem(f, `result-fix-${i}`)))));
    }
    return out;
  }

  /** Monitoring alerts and the check against the documents' published year, when the region has them (issue 15). */
  private rulesChecks(sum: RunSummary, lang: 'zh' | 'en'): Child[] {
    const b = sum.baseline;
    const out: Child[] = [];
    if (b.monitoring) out.push(h('p', { id: 'monitoring', class: b.monitoring.alerts > 0 ? 'warning' : 'hint', dataset: { alerts: String(b.monitoring.alerts) } }, this.say(b.monitoring[lang])));
    if (b.calibration) {
      // calibrationTable's nine columns do not fit a 400 px pane: the per-person figures and the
      // ratio show, the counts, amounts and source open below each row (as the other result tables).
      const [head, ...rows] = b.calibration[lang];
      out.push(compactTable('calibration', lang === 'zh' ? '与文件公布的全年数据对照（人均）' : "Against the documents' published year (per person)", [head[0], head[6], head[3], head[7]],
        rows.map((r) => ({
          label: r[0],
          cells: [h('td', { class: 'num' }, r[6]), h('td', { class: 'num' }, r[3]), h('td', { class: 'num' }, r[7])],
          detail: [1, 2, 4, 5, 8].map((i) => ({ label: head[i], value: this.say(r[i]), text: true })),
        }))));
    }
    return out;
  }

  /** The roster's counts, defined once (docs/taskpane.md, “Counts”): rows read, people projected, rows not used, items not computed. */
  private countsLine(sum: RunSummary): HTMLElement {
    // The run's RowAccount (projection/types.ts), as the CLI table, summary.json and 校验报告 show it.
    const rejected = (kind: RosterKind) => sum.rows[kind].rejected;
    const total = (kind: RosterKind) => sum.rows[kind].total - sum.rows[kind].blank;
    const pin = sum.rows.people.used;
    const vin = sum.rows.visits.used;
    return h('p', { id: 'rows-used', dataset: { peopleRows: String(total('people')), people: String(pin), peopleRejected: String(rejected('people')), visitRows: String(total('visits')), visits: String(vin), visitsRejected: String(rejected('visits')), problems: String(sum.problemCount) } },
      t('countsLine', { pt: total('people'), pin, prej: rejected('people'), vt: total('visits'), vin, vrej: rejected('visits'), problems: sum.problemCount }));
  }

  /** The plan's range (fan chart) and the solver, on the roster the worker holds (budgetJob.ts). */
  private async runBudget(withSolve: boolean): Promise<void> {
    if (this.runState.status !== 'done' || this.client.busy) return;
    this.budgetState = { status: 'running' };
    destroyCharts();
    this.render();
    try {
      await this.restoreRoster(() => undefined);
      const path = this.solvePath();
      const r = await this.client.budget({
        region: this.region.region, year: this.year, figures: this.figures,
        years: this.budgetForm.years.trim() || undefined, draws: this.budgetForm.draws.trim() || undefined,
        solve: withSolve ? { path, ceiling: this.budgetForm.ceiling, districts: this.budgetForm.districts } : undefined,
      });
      this.budgetState = { status: 'done', view: r.view, ms: r.ms };
    } catch (e) {
      this.budgetState = e instanceof Cancelled ? { status: 'idle' } : { status: 'error', error: asBilingual(e instanceof Error && 'error' in e ? (e as { error: unknown }).error : e) };
    }
    destroyCharts();
    this.render();
    if (this.preflightWanted) void this.runPreflight();
  }

  /**
   * The fitted value as a scenario like any other (issue 11 item 3): named after the parameter and
   * value, validated as the scenario editor's are, then listed, saved and run with the others.
   */
  private saveFitted(x: SolveView): void {
    const label = this.params().find((p) => p.path === x.path);
    const name = `${t('fittedScenario')} ${label ? (getLang() === 'zh' ? label.zh : label.en) : x.path} = ${x.value}`;
    const scenario: Scenario = { name, overrides: { [x.policyId]: { [x.path]: Number(x.value) } as Scenario['overrides'][string] } };
    try {
      const others = this.scenarios.filter((s) => s.name !== name);
      this.scenarios = parseScenarioSet(JSON.stringify([...others, scenario]), undefined, this.fullEngine()).scenarios;
      this.saveState();
      this.status = t('fittedSaved', { name });
    } catch (e) {
      this.fail(e);
    }
    this.render();
  }

  private fittable(): PolicyParam[] {
    return this.params().filter((p) => FITTABLE.test(p.path) && p.unit !== 'flag' && !p.missing);
  }

  /** The parameter chosen, else the first inpatient ratio the region sets, else the first fittable one. */
  private solvePath(): string {
    const list = this.fittable();
    if (this.budgetForm.path && list.some((p) => p.path === this.budgetForm.path)) return this.budgetForm.path;
    return (list.find((p) => /^inpatient\..*\.ratio$/.test(p.path)) ?? list[0])?.path ?? '';
  }

  private budgetBlock(): HTMLElement {
    const lang = getLang();
    const b = this.budgetState;
    const path = this.solvePath();
    const running = b.status === 'running';
    const out: Child[] = [];
    if (running) out.push(h('p', { id: 'budget-status', role: 'status' }, t('budgetRunning')));
    if (b.status === 'error') out.push(h('div', { class: 'error', role: 'alert', id: 'budget-error' }, this.errorBox(b.error)));
    if (b.status === 'done') {
      const v = b.view;
      out.push(
        h('p', { id: 'budget-status', role: 'status' }, t('budgetDone', { draws: v.draws, seed: v.seed, s: (b.ms / 1000).toFixed(1) })),
        h('figure', {}, h('figcaption', {}, t('chartFan')), h('div', { class: 'chart-box' }, h('canvas', { id: 'chart-fan', role: 'img', 'aria-label': t('chartFan') }))),
        // five columns of exact amounts: scrolls inside its box in a narrow pane, the page does not
        h('div', { class: 'scroll' }, table(t('fanTable'), [t('fanYear'), t('fanPoint'), 'P10', 'P50', 'P90'], [
          [`${v.base.year}${t('fanRoster')}`, v.base.point, '', '', ''],
          ...v.fan.map((y) => [String(y.year), y.point, y.p10, y.p50, y.p90]),
        ], { id: 'fan-table' })),
        h('p', { class: 'hint', id: 'fan-covers' }, lang === 'zh' ? v.covers.zh : v.covers.en),
      );
      if (v.solve) {
        const x = v.solve;
        out.push(h('div', { id: 'solve-result', dataset: { path: x.path, value: x.value, need: x.need } },
          h('p', {}, x.ceiling
            ? t('solveFitted', { value: x.value, need: x.need, ceiling: x.ceiling, current: x.current ?? '—', currentNeed: x.currentNeed })
            : t('solveFittedNoTotal', { value: x.value, need: x.need, current: x.current ?? '—', currentNeed: x.currentNeed })),
          x.beyond ? h('p', {}, t('solveBeyond', { value: x.beyond.value, need: x.beyond.need })) : h('p', {}, t('solveNotBinding')),
          Object.keys(x.districtCeilings).length
            ? h('p', { id: 'solve-districts-met' }, t('solveDistricts', { list: Object.entries(x.districtCeilings).map(([d, c]) => `${d} ≤ ${c}`).join(lang === 'zh' ? '；' : '; ') }))
            : null,
          x.monotoneBreaks ? h('p', { class: 'warning' }, t('solveBreaks', { n: x.monotoneBreaks })) : null,
          h('p', { class: 'hint' }, sourceLine(x.citation)),
          h('div', { class: 'buttons' }, button('solve-save', t('solveSave'), () => this.saveFitted(x), { disabled: this.busy }))));
      }
      if (v.solveError) out.push(h('div', { class: 'error', role: 'alert', id: 'solve-error' }, this.errorBox(v.solveError)));
    }
    return h('div', { id: 'budget-panel', class: 'budget' },
      h('h3', {}, t('budgetTitle')),
      h('div', { class: 'row' },
        h('label', { for: 'budget-years' }, t('budgetYears')), textInput('budget-years', this.budgetForm.years, { onchange: (ev) => { this.budgetForm.years = valueOf(ev); } }),
        h('label', { for: 'budget-draws' }, t('budgetDraws')), textInput('budget-draws', this.budgetForm.draws, { onchange: (ev) => { this.budgetForm.draws = valueOf(ev); } })),
      h('div', { class: 'row' },
        h('label', { for: 'solve-path' }, t('solveParam')),
        dropdown('solve-path', this.fittable().map((p) => ({ value: p.path, label: lang === 'zh' ? `${p.zh}（${p.current}）` : `${p.en} (${p.current})`, selected: p.path === path })), (value) => { this.budgetForm.path = value; }),
        h('label', { for: 'solve-ceiling' }, t('solveCeiling')), textInput('solve-ceiling', this.budgetForm.ceiling, { onchange: (ev) => { this.budgetForm.ceiling = valueOf(ev); } })),
      h('div', { class: 'row' },
        h('label', { for: 'solve-districts' }, t('solveDistrictCeilings')),
        textInput('solve-districts', this.budgetForm.districts, { placeholder: t('solveDistrictsExample'), onchange: (ev) => { this.budgetForm.districts = valueOf(ev); } })),
      h('div', { class: 'buttons' },
        button('budget-run', t('budgetRun'), () => void this.runBudget(false), { disabled: running || this.busy }),
        button('solve-run', t('solveRun'), () => void this.runBudget(true), { disabled: running || this.busy })),
      ...out);
  }

  private step5(): HTMLElement {
    const s = this.runState;
    if (s.status !== 'done') return this.section('step-results', 'step5', h('p', { class: 'hint' }, s.status === 'cancelled' ? t('cancelled') : t('notLoaded')));
    const sum = s.summary;
    const lang = getLang();
    const labels = this.paramLabels();
    const c = sum.baseline.completeness;
    if (c?.belowThreshold && !this.acceptPartial) {
      // Below the threshold the headline is withheld until the analyst confirms (issue 17).
      return this.section('step-results', 'step5', ...this.completenessBlock(sum), this.countsLine(sum),
        h('p', { id: 'withheld', class: 'error', role: 'alert' }, t('withheld', { share: c.share, threshold: c.threshold })),
        h('div', { class: 'buttons' }, button('show-partial', t('showPartial'), () => { this.acceptPartial = true; this.render(); })));
    }
    const [line, ...findings] = this.completenessBlock(sum);
    const [card, ...tables] = resultView(sum, lang, (x) => this.say(x));
    const parts: Child[] = [
      line,
      card,
      ...findings,
      ...tables,
      ...this.rulesChecks(sum, lang),
      this.countsLine(sum),
      sum.figures?.length
        ? h('div', { id: 'figures-used' }, h('h3', {}, t('figuresUsed')),
            h('ul', {}, sum.figures.map((f) => h('li', {}, `${f.region} ${this.advanced ? f.path : labels.get(f.path) ?? f.path} = ${typeof f.value === 'string' ? f.value : JSON.stringify(f.value)}（${f.source}）`))))
        : null,
    ];
    parts.push(
      h('div', { class: 'charts' },
        h('figure', {}, h('figcaption', {}, t('chartDistrict')), h('div', { class: 'chart-box' }, h('canvas', { id: 'chart-district', role: 'img', 'aria-label': t('chartDistrict') }))),
        h('figure', {}, h('figcaption', {}, t('chartCategory')), h('div', { class: 'chart-box' }, h('canvas', { id: 'chart-category', role: 'img', 'aria-label': t('chartCategory') })))),
      this.budgetBlock(),
      h('div', { class: 'row' },
        fx('fluent-checkbox', { id: 'mask', checked: this.mask, onchange: (ev) => { this.mask = (ev.currentTarget as HTMLInputElement).checked; this.render(); } }),
        h('label', { for: 'mask' }, t('mask'))),
      h('div', { class: 'field' },
        h('label', { for: 'detail' }, t('detail')),
        dropdown('detail', ([['people', 'detailPeople'], ['visits', 'detailVisits'], ['none', 'detailNone']] as [ResultDetail, StringKey][]).map(([v, k]) => ({ value: v, label: t(k), selected: v === this.detail })),
          (v) => { this.detail = v as ResultDetail; }, { disabled: this.busy })),
      h('div', { class: 'buttons' },
        button('write-result', this.host.kind === 'office' ? t('writeWorkbook') : t('download'), () => void this.writeResult(), { appearance: 'primary', disabled: this.busy }),
        button('cancel-write', t('cancel'), () => this.cancelWrite(), { disabled: !this.writing || this.writing.stop.stopped })),
      fx('fluent-progress-bar', { id: 'write-progress', class: 'hidden', max: 1, value: 0, 'aria-label': t('phaseBook') }),
      h('p', { id: 'write-status', role: 'status', 'aria-live': 'polite' }),
    );
    return this.section('step-results', 'step5', ...parts);
  }
}
