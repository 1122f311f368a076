/**
 * The task pane: five steps on one scrolling page (a task pane is narrow; steps stay
 * visible so the analyst can go back and change a mapping or a scenario and run again).
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
import type { Host } from '../host/Host';
import { getLang, setLang, t, type Lang, type StringKey } from '../i18n';
import {
  asBilingual, columnChoices, compareRows, groupMoney, mappingRows, previewRows, regionOptions, yearOptions,
  type BilingualError, type RegionOption,
} from '../paneLogic';
import { parseParamInput, policyParams, type PolicyParam } from '../policyParams';
import type { BucketView, ForecastView, RunSummary } from '../runSummary';
import type { CompletenessSummary } from '../../projection/summary';
import { parseScenarioSet, scenarioSetJson } from '../scenarioStore';
import { Cancelled, type ProjectionClient } from '../worker/client';
import type { Phase } from '../worker/projectionJob';
import type { CheckView, Loaded, SourceInput, TableView } from '../worker/rosterSession';
import { drawCharts, destroyCharts } from './charts';
import { clear, h, table, type Child } from './dom';

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
  error?: BilingualError;
}

type RunState =
  | { status: 'idle' }
  | { status: 'running'; phase: Phase; done: number; total: number }
  | { status: 'done'; summary: RunSummary; ms: number }
  | { status: 'cancelled' }
  | { status: 'error'; error: BilingualError };

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
  private mask = false;
  /** The analyst confirmed seeing a run below the completeness threshold (reset by each run). */
  private acceptPartial = false;
  private status = '';
  private error: BilingualError | undefined;
  private busy = false;

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
      last = await this.client.load(kind, src.input, this.year, { sheet: src.view.table.sheet, mapping: src.view.mapping }, onProgress);
      src.view = last.view;
    }
    if (last) this.check = last.check;
    this.heldBy = this.client.generation;
  }

  private setLoaded(kind: RosterKind, input: SourceInput, loaded: Loaded): void {
    this.sources[kind] = { input, view: loaded.view };
    this.check = loaded.check;
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
      this.setLoaded(kind, source, await this.client.load(kind, source, this.year, {}, this.onLoadProgress));
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
      this.setLoaded(kind, source, await this.client.load(kind, source, this.year, {}, this.onLoadProgress));
    });
  }

  private async remap(kind: RosterKind, field: string, value: string): Promise<void> {
    await this.rosterStep(async () => {
      const src = this.sources[kind];
      if (!src) return;
      this.setLoaded(kind, src.input, await this.client.remap(kind, field, value === '' ? undefined : Number(value), this.year, this.onLoadProgress));
    });
  }

  /** The year decides which visits count: check the roster again. */
  private async recheck(): Promise<void> {
    if (this.runState.status === 'done') this.runState = { status: 'idle' };
    if (!this.sources.people && !this.sources.visits) return;
    await this.rosterStep(async () => {
      this.check = await this.client.check(this.year, this.onLoadProgress);
    });
  }

  private setRegion(regionName: string): void {
    this.region = this.regions.find((r) => r.region === regionName) ?? this.region;
    const years = yearOptions(this.region);
    const yearChanged = !years.includes(this.year);
    if (yearChanged) this.year = this.region.years[this.region.years.length - 1];
    this.draft = undefined;
    if (this.runState.status === 'done') this.runState = { status: 'idle' };
    if (yearChanged) void this.recheck();
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
    this.error = undefined;
    this.acceptPartial = false;
    this.runState = { status: 'running', phase: 'import', done: 0, total: 1 };
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

  private async writeResult(): Promise<void> {
    if (this.runState.status !== 'done') return;
    await this.guard(async () => {
      const office = this.host.kind === 'office';
      // File mode: the scenarios and figures go into the download (hidden sheets) in the same pass.
      const book = await this.client.book({ lang: getLang(), mask: this.mask, sheets: office, xlsx: !office, scenarios: office ? undefined : { scenarios: this.scenarios, figures: this.figures } });
      const outcome = await this.host.writeResult(
        { sheets: book.sheets, charts: book.charts, xlsx: async () => book.xlsx, fileName: book.fileName },
        (done, total) => {
          const label = document.getElementById('write-status');
          if (label) label.textContent = t('writing', { done, total });
        },
      );
      this.status = office
        ? t('written', { names: outcome.written.join('、') }) + (outcome.replaced.length ? ' ' + t('replaced', { names: outcome.replaced.join('、') }) : '')
        : t('downloaded', { name: outcome.written[0] });
    });
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
      this.step1(),
      this.step2(),
      this.step3(),
      this.step4(),
      this.step5(),
    );
    if (focused) document.getElementById(focused)?.focus();
    if (this.runState.status === 'done') {
      const d = document.getElementById('chart-district') as HTMLCanvasElement | null;
      const c = document.getElementById('chart-category') as HTMLCanvasElement | null;
      if (d && c) drawCharts(d, c, this.runState.summary, getLang());
    }
  }

  private errorBox(e: BilingualError): Child {
    return [h('strong', {}, t('errorTitle') + '：'), ' ', h('span', { lang: 'zh-CN' }, e.zh), h('br'), h('span', { lang: 'en' }, e.en)];
  }

  private header(): HTMLElement {
    const other: Lang = getLang() === 'zh' ? 'en' : 'zh';
    return h(
      'header',
      { class: 'pane-header' },
      h('h1', {}, t('appTitle')),
      h('button', { id: 'lang-switch', type: 'button', class: 'secondary', 'aria-label': t('langSwitchLabel'), lang: other === 'zh' ? 'zh-CN' : 'en', onclick: () => { setLang(other); this.render(); } }, t('langSwitch')),
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
        h('progress', { id: 'load-progress', max: task?.total ?? 1, value: task?.done ?? 0 }),
        h('p', { id: 'load-progress-label', role: 'status', 'aria-live': 'polite' }, task ? this.phaseText(task.phase, task.done, task.total) : ''),
        h('button', { id: 'cancel-load', type: 'button', class: 'secondary', disabled: !task, onclick: () => this.client.cancel() }, t('cancelLoad'))),
    );
  }

  private sourcePicker(kind: RosterKind): HTMLElement {
    const label = t(kind === 'people' ? 'peopleTable' : 'visitsTable');
    const src = this.sources[kind];
    const info = src ? t('loaded', { sheet: src.view.table.sheet, rows: src.view.rowCount, header: src.view.table.headerRow }) : t('notLoaded');
    const controls: Child[] = [];
    if (this.host.kind === 'file') {
      const id = `file-${kind}`;
      controls.push(
        h('label', { for: id }, t('chooseFile')),
        h('input', { id, type: 'file', accept: '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disabled: this.busy, onchange: (ev) => void this.openFile(kind, ev.target as HTMLInputElement) }),
      );
      const labels = src?.view.labels;
      if (labels && labels.length > 1) {
        const sid = `file-sheet-${kind}`;
        controls.push(
          h('label', { for: sid }, t('sheetInFile')),
          h('select', { id: sid, disabled: this.busy, onchange: (ev) => void this.chooseFileSheet(kind, (ev.target as HTMLSelectElement).value) }, labels.map((l) => h('option', { value: l, selected: l === src.view.table.sheet }, l))),
        );
      }
    } else {
      const sid = `sheet-${kind}`;
      const chosen = this.chosenSheet[kind] ?? this.sheetNames[kind === 'people' ? 0 : 1] ?? this.sheetNames[0];
      controls.push(
        h('label', { for: sid }, t('chooseSheet')),
        h('select', { id: sid, onchange: (ev) => { this.chosenSheet[kind] = (ev.target as HTMLSelectElement).value; } }, this.sheetNames.map((n) => h('option', { value: n, selected: n === chosen }, n))),
        h('div', { class: 'buttons' },
          h('button', { id: `read-${kind}`, type: 'button', disabled: this.busy, onclick: () => void this.readSheet(kind, this.chosenSheet[kind] ?? chosen) }, t('useSheet')),
          h('button', { id: `sel-${kind}`, type: 'button', class: 'secondary', disabled: this.busy, onclick: () => void this.readSheet(kind, undefined, true) }, t('useSelection')),
          kind === 'people' ? h('button', { id: 'refresh-sheets', type: 'button', class: 'secondary', onclick: () => void this.refreshSheets() }, t('refreshSheets')) : null,
        ),
      );
    }
    return h('fieldset', { class: 'source' }, h('legend', {}, label), ...controls, h('p', { class: 'hint', id: `info-${kind}` }, info));
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
    const view = src.view;
    const choices = columnChoices(view.table);
    const rows = mappingRows(view.mapping as ColumnMapping<typeof kind>).map((r) => {
      const id = `map-${kind}-${r.field}`;
      return [
        h('label', { for: id }, `${getLang() === 'zh' ? r.zh : r.en}${r.required ? ' *' : ''}`),
        h('select', { id, 'aria-required': r.required ? 'true' : 'false', disabled: this.busy, onchange: (ev) => void this.remap(kind, r.field, (ev.target as HTMLSelectElement).value) },
          h('option', { value: '' }, t('noColumn')),
          choices.map((c) => h('option', { value: c.index, selected: c.index === r.column }, c.label))),
        r.required ? t('required') : t('optional'),
      ];
    });
    const preview = previewRows(view.table, 5);
    const result = kind === 'people' ? this.check.people : this.check.visits;
    const err = kind === 'people' ? this.check.peopleError : this.check.visitsError;
    const report: Child[] = [];
    if (err) report.push(h('div', { class: 'error', role: 'alert', id: `report-error-${kind}` }, this.errorBox(err)));
    if (result) {
      const s = result.summary;
      report.push(h('p', { class: 'counts', id: `counts-${kind}`, dataset: { total: String(s.total), used: String(s.used), rejected: String(s.rejected), blank: String(s.blank) } },
        t('reportCounts', { table: tableName, total: s.total, used: s.used, rejected: s.rejected, blank: s.blank, warnings: s.warnings })));
      // The worker sends the first problems (errors first); masked here when the analyst asks.
      const entries = this.mask ? maskReport(result.entries) : result.entries;
      if (result.count === 0) report.push(h('p', { class: 'hint' }, t('reportNone')));
      else {
        report.push(
          h('div', { class: 'scroll' },
            table(`${tableName} — ${t('problem')}`, [t('row'), t('cell'), t('value'), t('severity'), t('problem')],
              entries.map((e) => [
                String(e.rowNumber), e.cell ?? e.column, e.value,
                { text: e.severity === 'error' ? t('sevError') : t('sevWarning'), attrs: { class: e.severity } },
                h('span', {}, h('span', { lang: 'zh-CN' }, e.zh), h('br'), h('span', { lang: 'en', class: 'en' }, e.en)),
              ]), { class: 'problems', id: `problems-${kind}` })),
        );
        if (result.count > entries.length) report.push(h('p', { class: 'hint' }, t('reportMore', { n: result.count - entries.length })));
      }
    }
    return h('div', { class: 'mapping', id: `mapping-${kind}` },
      table(t('mappingFor', { table: tableName }), [t('field'), t('column'), ''], rows, { class: 'map-table' }),
      h('div', { class: 'scroll' }, table(t('preview', { n: preview.length }), [t('row'), ...view.table.header], preview.map((p) => [String(p.rowNumber), ...p.cells]), { class: 'preview' })),
      ...report,
    );
  }

  private step3(): HTMLElement {
    const years = yearOptions(this.region);
    const list = this.scenarios.length
      ? h('ul', { class: 'scenarios', id: 'scenario-list' }, this.scenarios.map((s, i) => h('li', {},
          h('strong', {}, s.name), ' ',
          h('span', { class: 'hint' }, Object.values(s.overrides).flatMap((o) => Object.entries(o).map(([k, v]) => `${k} = ${JSON.stringify(v)}`)).join('；')),
          h('button', { type: 'button', class: 'link', id: `edit-scenario-${i}`, onclick: () => { this.draft = { index: i, name: s.name, changes: { ...(Object.values(s.overrides)[0] ?? {}) }, param: '', input: '' }; this.render(); } }, t('editScenario')),
          h('button', { type: 'button', class: 'link', id: `remove-scenario-${i}`, onclick: () => { this.scenarios.splice(i, 1); this.saveState(); this.render(); } }, t('removeScenario')),
        )))
      : h('p', { class: 'hint' }, t('noScenarios'));
    // The worker is busy while a file is read or a run goes on: a new year (which re-checks the visits) waits.
    const locked = this.busy || this.runState.status === 'running';
    return this.section('step-scenarios', 'step3',
      h('div', { class: 'row' },
        h('label', { for: 'region' }, t('region')),
        h('select', { id: 'region', disabled: locked, onchange: (ev) => this.setRegion((ev.target as HTMLSelectElement).value) }, this.regions.map((r) => h('option', { value: r.region, selected: r.region === this.region.region }, getLang() === 'zh' ? r.zh : `${r.en} ${r.zh}`))),
        h('label', { for: 'year' }, t('year')),
        h('select', { id: 'year', disabled: locked, onchange: (ev) => this.setYear(Number((ev.target as HTMLSelectElement).value)) }, years.map((y) => h('option', { value: y, selected: y === this.year }, String(y)))),
      ),
      this.figuresPanel(),
      this.baselinePanel(),
      h('h3', {}, t('scenarios')),
      list,
      this.draft ? this.scenarioEditor(this.draft) : h('button', { id: 'add-scenario', type: 'button', class: 'secondary', onclick: () => { this.draft = { index: -1, name: '', changes: {}, param: '', input: '' }; this.render(); document.getElementById('draft-name')?.focus(); } }, t('addScenario')),
      h('div', { class: 'buttons' },
        h('label', { for: 'import-scenarios', class: 'file-button' }, t('loadScenarios')),
        h('input', { id: 'import-scenarios', type: 'file', accept: '.json,application/json', onchange: (ev) => void this.importScenarios(ev.target as HTMLInputElement) }),
        h('button', { id: 'export-scenarios', type: 'button', class: 'secondary', disabled: this.scenarios.length === 0, onclick: () => this.exportScenarios() }, t('exportScenarios')),
      ),
    );
  }

  /** 本地区补充参数 / Figures you supply: the edition's open figures, with inputs; the analyst's region files. */
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
        h('label', { for: id }, `${lang === 'zh' ? p.zh : p.en}（${p.unit}）`),
        h('input', {
          id, type: 'text', value: text, dataset: { figure: m.key }, 'aria-describedby': `${id}-hint`,
          onchange: (ev) => this.setFigure(m, (ev.target as HTMLInputElement).value),
        }),
        h('span', { class: given === undefined ? 'badge missing' : 'badge' }, given === undefined ? t('figureMissing') : t('figureSupplied')),
        h('p', { class: 'hint', id: `${id}-hint` },
          p.citation ? `${t('citation')}：${p.citation}${p.quote ? `：“${p.quote}”` : ''}` : '',
          p.note ? h('br') : null, p.note ?? '',
          m.neededBy?.length ? h('br') : null,
          m.neededBy?.length ? t('figureNeededBy', { terms: m.neededBy.map((x) => (lang === 'zh' ? x.zh : x.en)).join(lang === 'zh' ? '；' : '; ') }) : ''),
        err ? h('div', { class: 'error', role: 'alert', id: `${id}-error` }, this.errorBox(err)) : null,
      );
    });
    const files = this.figures.policies;
    return h('fieldset', { class: 'figures', id: 'figures' },
      h('legend', {}, `${t('figuresTitle')} / ${t('figuresTitle', {}, lang === 'zh' ? 'en' : 'zh')}`),
      h('p', { class: 'hint' }, t('figuresHint')),
      rows.length ? rows : h('p', { class: 'hint', id: 'figures-none' }, t('figuresNone')),
      h('div', { class: 'buttons' },
        h('label', { for: 'region-file', class: 'file-button' }, t('regionFile')),
        h('input', { id: 'region-file', type: 'file', class: 'visually-hidden', accept: '.json,application/json', onchange: (ev) => void this.loadRegionFile(ev.target as HTMLInputElement) })),
      h('p', { class: 'hint' }, t('regionFileHint')),
      this.regionFileError ? h('div', { class: 'error', role: 'alert', id: 'region-file-error' }, this.errorBox(this.regionFileError)) : null,
      files.length
        ? h('ul', { id: 'region-files', 'aria-label': t('regionFiles') }, files.map((f, i) => h('li', {}, f.source, ' ',
            h('button', { type: 'button', class: 'link', id: `remove-region-file-${i}`, onclick: () => this.removeRegionFile(i) }, t('removeScenario')))))
        : null,
    );
  }

  /** 资金来源与增长假设: the baseline's --lottery … --premium-growth, each with the policy's value it replaces. */
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
        h('input', {
          id, type: 'text', value: this.baselineText[f] ?? saved[f]?.replace(/%$/, '') ?? '', placeholder: d ? shown : '0', 'aria-describedby': `${id}-hint`,
          onchange: (ev) => this.setBaselineInput(f, (ev.target as HTMLInputElement).value),
        }),
        h('p', { class: 'hint', id: `${id}-hint` },
          d?.origin === 'policy' ? t('blankPolicy', { value: shown }) : t('blankDefault', { value: shown }),
          d?.citation ? h('br') : null,
          d?.citation ? `${t('citation')}：${d.citation}${d.quote ? `：“${d.quote}”` : ''}` : ''),
        err ? h('div', { class: 'error', role: 'alert', id: `${id}-error` }, this.errorBox(err)) : null,
      );
    };
    const lang = getLang();
    return h('fieldset', { class: 'figures', id: 'baseline-inputs' },
      h('legend', {}, `${t('baselineInputsTitle')} / ${t('baselineInputsTitle', {}, lang === 'zh' ? 'en' : 'zh')}`),
      h('p', { class: 'hint' }, t('baselineInputsHint')),
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
      h('input', { id: 'draft-name', type: 'text', value: d.name, oninput: (ev) => { d.name = (ev.target as HTMLInputElement).value; } }),
      h('label', { for: 'draft-param' }, t('parameter')),
      h('select', { id: 'draft-param', onchange: (ev) => { d.param = (ev.target as HTMLSelectElement).value; this.render(); } },
        h('option', { value: '' }, '—'),
        params.map((p) => h('option', { value: p.path, selected: p.path === d.param }, `${lang === 'zh' ? p.zh : p.en}（${p.current || '—'}）`))),
      chosen
        ? h('div', { class: 'param-info', id: 'param-info' },
            h('p', {}, `${t('currentValue')}：`, h('strong', {}, chosen.current || '—'), `（${chosen.unit}）`),
            h('p', { class: 'hint' }, `${t('citation')}：${chosen.citation}`, chosen.quote ? `：“${chosen.quote}”` : ''),
            h('label', { for: 'draft-value' }, t('newValue')),
            h('input', { id: 'draft-value', type: 'text', value: d.input, oninput: (ev) => { d.input = (ev.target as HTMLInputElement).value; }, onkeydown: (ev) => { if ((ev as KeyboardEvent).key === 'Enter') this.addChange(); } }),
            h('button', { id: 'draft-add', type: 'button', class: 'secondary', onclick: () => this.addChange() }, t('addParam')))
        : null,
      Object.keys(d.changes).length
        ? h('ul', { id: 'draft-changes' }, Object.entries(d.changes).map(([k, v]) => {
            const p = params.find((x) => x.path === k);
            return h('li', {}, `${p ? (lang === 'zh' ? p.zh : p.en) : k}：${p?.current ?? ''} → ${JSON.stringify(v)} `,
              h('button', { type: 'button', class: 'link', onclick: () => { delete d.changes[k]; this.render(); } }, t('removeScenario')));
          }))
        : null,
      d.error ? h('div', { class: 'error', role: 'alert' }, this.errorBox(d.error)) : null,
      h('div', { class: 'buttons' },
        h('button', { id: 'draft-save', type: 'button', onclick: () => this.saveDraft() }, t('saveScenario')),
        h('button', { id: 'draft-cancel', type: 'button', class: 'secondary', onclick: () => { this.draft = undefined; this.render(); } }, t('cancel'))),
    );
  }

  private step4(): HTMLElement {
    const s = this.runState;
    const running = s.status === 'running';
    const y = this.check.year;
    const lang = getLang();
    return this.section('step-run', 'step4',
      // Pre-flight (issue 17): a year with no visits is said before the run, and the run waits.
      y ? h('p', { id: 'preflight-year', class: y.stop ? 'error' : 'warning', role: y.stop ? 'alert' : 'status' }, lang === 'zh' ? y.zh : y.en, h('br'), `${t('fixLabel')}：${lang === 'zh' ? y.fix.zh : y.fix.en}`) : null,
      h('div', { class: 'buttons' },
        h('button', { id: 'run', type: 'button', disabled: running || !!this.loadTask || !this.check.ready, onclick: () => void this.run() }, t('run')),
        h('button', { id: 'cancel-run', type: 'button', class: 'secondary', disabled: !running, onclick: () => this.client.cancel() }, t('cancel'))),
      h('label', { for: 'run-progress', class: running ? '' : 'hidden' }, t('step4')),
      h('progress', { id: 'run-progress', class: running ? '' : 'hidden', max: running ? s.total : 1, value: running ? s.done : 0 }),
      h('p', { id: 'run-progress-label', role: 'status', 'aria-live': 'polite' }, running ? this.progressText() : ''),
    );
  }

  private money(v: string, id?: string): { text: Child; attrs: Record<string, string> } {
    const attrs: Record<string, string> = { class: 'num', 'data-value': v };
    if (id) attrs['data-testid'] = id;
    return { text: groupMoney(v), attrs };
  }

  /** A figure that was not computed: 未计算, never 0.00 (completeness.ts). */
  private notComputed(id?: string): { text: Child; attrs: Record<string, string> } {
    const attrs: Record<string, string> = { class: 'num not-computed', 'data-value': '' };
    if (id) attrs['data-testid'] = id;
    return { text: t('notComputed'), attrs };
  }

  private bucketRow(label: string, b: BucketView, prefix?: string, c?: CompletenessSummary, missing?: { people: number; assistance: number; premiumSubsidy: number }): (Child | { text: Child; attrs: Record<string, string> })[] {
    const none = (n: number | undefined) => !!missing && missing.people > 0 && n === missing.people;
    const noA = missing ? none(missing.assistance) : c?.measures['assistance.total'] === 'notComputed';
    const noP = missing ? none(missing.premiumSubsidy) : c?.measures['premiumSubsidy.total'] === 'notComputed';
    const cell = (v: string, field: string, measure: string | undefined, off: boolean) => {
      const id = prefix && `${prefix}.${field}`;
      return off || (measure && c?.measures[measure] === 'notComputed') ? this.notComputed(id) : this.money(v, id);
    };
    return [label, String(b.people), cell(b.inpatient, 'inpatient', 'assistance.inpatient', noA), cell(b.outpatient, 'outpatient', 'assistance.outpatient', noA), cell(b.tilt, 'tilt', 'assistance.tilt', noA),
      cell(b.assistance, 'assistance', undefined, noA), cell(b.premiumSubsidy, 'premiumSubsidy', undefined, noP), cell(b.fundNeed, 'fundNeed', undefined, noA || noP)];
  }

  /** The completeness line, what the totals exclude, and the pre-flight's findings with their fixes. */
  private completenessBlock(sum: RunSummary): Child[] {
    const c = sum.baseline.completeness;
    const lang = getLang();
    const out: Child[] = [];
    if (c) {
      out.push(h('p', { id: 'completeness', class: c.belowThreshold ? 'error' : c.label.zh.startsWith('完整') ? 'hint' : 'warning', role: 'status' }, h('strong', {}, lang === 'zh' ? c.label.zh : c.label.en)));
      const notes = lang === 'zh' ? c.notes.zh : c.notes.en;
      if (notes.length) out.push(h('ul', { id: 'completeness-notes' }, notes.map((n) => h('li', {}, n))));
    }
    if (sum.preflight?.length) {
      out.push(h('div', { id: 'preflight' }, h('h3', {}, t('preflightTitle')),
        h('ul', {}, sum.preflight.map((f) => h('li', { 'data-code': f.code }, lang === 'zh' ? f.zh : f.en, h('br'), h('span', { class: 'hint' }, `${t('fixLabel')}：${lang === 'zh' ? f.fix.zh : f.fix.en}`))))));
    }
    return out;
  }

  /** 预测: next year's forecast per category, with the growth used (the result workbook's 预测 sheet). */
  private forecastTable(fc: ForecastView): HTMLElement {
    const lang = getLang();
    const tot = fc.total;
    return h('div', { class: 'scroll' }, table(t('forecastTitle', { next: fc.nextYear, year: fc.year }),
      [t('category'), t('thisYearPeople'), t('thisYearNeed'), t('thisYearSubsidy'), t('growthPct'), t('nextPeople'), t('nextAssistance'), t('nextSubsidy'), t('nextFundNeed')],
      [...fc.rows.map((r) => [lang === 'zh' ? r.zh : r.en, String(r.people), this.money(r.assistance), this.money(r.premiumSubsidy),
          `${r.growth.headcount} / ${r.growth.cost} / ${r.growth.premium}`, String(r.nextPeople), this.money(r.nextAssistance), this.money(r.nextPremiumSubsidy), this.money(r.nextFundNeed, `forecast.${r.id}.nextFundNeed`)]),
        [t('total'), String(tot.people), this.money(tot.assistance), this.money(tot.premiumSubsidy), '', String(tot.nextPeople),
          this.money(tot.nextAssistance, 'forecast.nextAssistance'), this.money(tot.nextPremiumSubsidy, 'forecast.nextPremiumSubsidy'), this.money(tot.nextFundNeed, 'forecast.nextFundNeed')]],
      { id: 'table-forecast' }));
  }

  private step5(): HTMLElement {
    const s = this.runState;
    if (s.status !== 'done') return this.section('step-results', 'step5', h('p', { class: 'hint' }, s.status === 'cancelled' ? t('cancelled') : t('notLoaded')));
    const sum = s.summary;
    const b = sum.baseline;
    const lang = getLang();
    const head = [t('category'), t('people'), t('inpatient'), t('outpatient'), t('tilt'), t('assistance'), t('premiumSubsidy'), t('fundNeed')];
    const f = b.funding;
    const c = b.completeness;
    const totalLabel = c && !c.label.zh.startsWith('完整') ? t('partialTotal') : t('total');
    const head0: Child[] = [
      h('p', { id: 'rows-used' }, t('rowsUsed', { pu: sum.rows.people.used, pt: sum.rows.people.total, vu: sum.rows.visits.used, vt: sum.rows.visits.total, problems: sum.problemCount })),
      ...this.completenessBlock(sum),
    ];
    if (c?.belowThreshold && !this.acceptPartial) {
      // Below the threshold the headline is withheld until the analyst confirms (issue 17).
      return this.section('step-results', 'step5', ...head0,
        h('p', { id: 'withheld', class: 'error', role: 'alert' }, t('withheld', { share: c.share, threshold: c.threshold })),
        h('div', { class: 'buttons' }, h('button', { id: 'show-partial', type: 'button', class: 'secondary', onclick: () => { this.acceptPartial = true; this.render(); } }, t('showPartial'))));
    }
    const parts: Child[] = [
      ...head0,
      sum.figures?.length
        ? h('div', { id: 'figures-used' }, h('h3', {}, t('figuresUsed')),
            h('ul', {}, sum.figures.map((f) => h('li', {}, `${f.region} ${f.path} = ${typeof f.value === 'string' ? f.value : JSON.stringify(f.value)}（${f.source}）`))))
        : null,
      h('div', { class: 'scroll' }, table(`${t('summary')} — ${lang === 'zh' ? b.region.zh : b.region.en} ${b.year}`, [t('summary'), ...head.slice(1)], [this.bucketRow(totalLabel, b.overall, 'overall', c)], { id: 'table-overall' })),
      h('div', { class: 'scroll' }, table(t('byCategory'), head, [...b.byCategory.map((x) => this.bucketRow(lang === 'zh' ? x.zh : x.en, x.bucket, `category.${x.id}`, c, c?.missing.byCategory[x.id])), this.bucketRow(totalLabel, b.overall, undefined, c)], { id: 'table-category' })),
      h('div', { class: 'scroll' }, table(t('byDistrict'), [t('district'), ...head.slice(1)], [...b.byDistrict.map((d) => this.bucketRow(d.district, d.bucket, `district.${d.district}`, c, c?.missing.byDistrict[d.district])), this.bucketRow(totalLabel, b.overall, undefined, c)], { id: 'table-district' })),
      h('div', { class: 'scroll' }, table(t('fundSplit', { ratio: f.ratio }), [t('district'), t('need'), t('sourcesAllocated'), t('fiscal'), t('cityShare'), t('districtShare')],
        [...f.districts.map((d) => [d.district, this.money(d.need), this.money(d.sources), this.money(d.fiscal), this.money(d.city, `split.${d.district}.city`), this.money(d.districtPart, `split.${d.district}.district`)]),
          [t('total'), this.money(f.need, 'funding.need'), this.money(f.allocated, 'funding.allocated'), this.money(f.fiscal, 'funding.fiscal'), this.money(f.city, 'funding.city'), this.money(f.districtTotal, 'funding.district')]], { id: 'table-split' })),
      h('p', { class: 'hint', id: 'funding-sources' }, `${t('lottery')} ${groupMoney(f.lottery)}；${t('donations')} ${groupMoney(f.donations)}；${t('transfers')} ${groupMoney(f.transfers)}`),
      b.ratioSource ? h('p', { class: 'hint', id: 'split-source' }, t('ratioSource', { source: lang === 'zh' ? b.ratioSource.zh : b.ratioSource.en })) : null,
      this.forecastTable(b.forecast),
      b.forecastMethod ? h('p', { class: 'hint', id: 'forecast-method' }, t('forecastMethod', { source: lang === 'zh' ? b.forecastMethod.zh : b.forecastMethod.en })) : null,
    ];
    // Settlement rows: each fund's layer and the residual, baseline and scenarios side by side (docs/settlement-layers.md).
    if (sum.layers) {
      parts.push(h('div', { class: 'scroll' }, table(lang === 'zh' ? '结算数据各层（基本医保 → 大病保险 → 医疗机构 → 医疗救助）' : 'Settlement layers (basic → critical-illness → hospital → assistance)',
        [t('measure'), t('baseline'), ...sum.comparisons.flatMap((c) => [c.scenario, t('difference')])],
        sum.layers.map((r) => [lang === 'zh' ? r.zh : r.en, this.money(r.baseline, `layers.${r.id}`), ...r.scenarios.flatMap((s, i) => [this.money(s.value, `layers.${i}.${r.id}`), this.money(s.diff, `layers.${i}.${r.id}.diff`)])]),
        { id: 'table-layers' })));
    }
    if (sum.comparisons.length) {
      const rows = compareRows(sum, lang);
      parts.push(h('div', { class: 'scroll' }, table(t('scenarioCompare'), [t('measure'), t('baseline'), ...sum.comparisons.flatMap((c) => [c.scenario, `${t('difference')}`, t('pct')])],
        rows.map((r) => {
          const baseOff = c?.measures[r.id] === 'notComputed';
          return [r.label, baseOff ? this.notComputed(`compare.baseline.${r.id}`) : this.money(r.baseline, `compare.baseline.${r.id}`), ...r.values.flatMap((v, i) => {
            const off = sum.scenarios[i]?.completeness?.measures[r.id] === 'notComputed';
            return [off ? this.notComputed(`compare.${i}.${r.id}`) : this.money(v.value, `compare.${i}.${r.id}`), off || baseOff ? '—' : this.money(v.diff, `compare.${i}.${r.id}.diff`), off || baseOff || v.pct === undefined ? '—' : `${v.pct}%`];
          })];
        }), { id: 'table-compare' })));
    }
    parts.push(
      h('div', { class: 'charts' },
        h('figure', {}, h('figcaption', {}, t('chartDistrict')), h('div', { class: 'chart-box' }, h('canvas', { id: 'chart-district', role: 'img', 'aria-label': t('chartDistrict') }))),
        h('figure', {}, h('figcaption', {}, t('chartCategory')), h('div', { class: 'chart-box' }, h('canvas', { id: 'chart-category', role: 'img', 'aria-label': t('chartCategory') })))),
      h('div', { class: 'row' },
        h('input', { id: 'mask', type: 'checkbox', checked: this.mask, onchange: (ev) => { this.mask = (ev.target as HTMLInputElement).checked; this.render(); } }),
        h('label', { for: 'mask' }, t('mask'))),
      h('div', { class: 'buttons' },
        h('button', { id: 'write-result', type: 'button', disabled: this.busy, onclick: () => void this.writeResult() }, this.host.kind === 'office' ? t('writeWorkbook') : t('download'))),
      h('p', { id: 'write-status', role: 'status', 'aria-live': 'polite' }),
    );
    return this.section('step-results', 'step5', ...parts);
  }
}
