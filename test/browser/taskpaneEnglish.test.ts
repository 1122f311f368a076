/**
 * The task pane in English at 400 px (issue 14: "English UI fully English"), walked on the
 * sample roster, and the scenario editor's parameter search.
 *
 * What an English screen may show in Chinese is the analyst's own data: the roster files'
 * headers and cells (districts, categories as written, column names in the mapping) and the
 * scenario file's text, plus the language switch's "中文". Every run of Chinese characters on
 * screen must be one of the runs found in those files; anything else is the pane's own
 * wording leaking through untranslated (a label, a hint, a message, a policy note).
 */
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { browserAvailable, cspViolations, openPage, ROOT, servePane, type Watched } from './browserHarness';

const SAMPLES = path.join(ROOT, 'samples');
const PEOPLE = path.join(SAMPLES, 'xinyang-2024-people.csv');
const VISITS = path.join(SAMPLES, 'xinyang-2024-visits.csv');
const SCENARIO = path.join(SAMPLES, 'scenario-dibao-75.json');

const HAN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/** The Chinese runs of the analyst's own files: what an English screen may quote. */
function dataRuns(): Set<string> {
  // '中文' is the language switch; '慢特病' is part of a value form the check quotes as the analyst types it in a cell ("门诊-慢特病").
  const runs = new Set<string>(['中文', '慢特病']);
  for (const f of [PEOPLE, VISITS, SCENARIO]) for (const m of fs.readFileSync(f, 'utf8').match(HAN) ?? []) runs.add(m);
  return runs;
}

async function strayChinese(page: Page, allowed: Set<string>): Promise<string[]> {
  // the documents' own words (citations, quotes) are marked lang="zh-CN" and are quotations, not UI text
  const text = await page.evaluate(() => {
    const quoted = Array.from(document.querySelectorAll<HTMLElement>('[lang^="zh"]')).filter((el) => !el.hidden);
    quoted.forEach((el) => { el.hidden = true; });
    const shown = document.body.innerText;
    quoted.forEach((el) => { el.hidden = false; });
    return shown;
  });
  // each stray run with the words around it, so a failure says where on screen it is
  return [...new Set([...text.matchAll(HAN)].filter((m) => !allowed.has(m[0])).map((m) => text.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 30).replace(/\s+/g, ' ')))];
}

const gate = browserAvailable();
const maybe = gate.run ? describe : describe.skip;
if (!gate.run) console.warn(gate.why);

maybe('task pane at 400 px, in English', () => {
  const server = servePane();
  let w: Watched;
  afterAll(async () => {
    await w?.close();
  });

  test('every step speaks English only (Chinese only where it quotes the roster), and the parameter search narrows the list', async () => {
    w = await openPage();
    const { page } = w;
    const allowed = dataRuns();
    const english = async (step: string) => expect({ step, chinese: await strayChinese(page, allowed) }).toEqual({ step, chinese: [] });
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(`${server.url}taskpane.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30000 });
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en' || document.body.innerText.includes('Roster'));
    await english('roster (empty)');

    await page.setInputFiles('#file-people', PEOPLE);
    await page.waitForSelector('#counts-people');
    await page.setInputFiles('#file-visits', VISITS);
    await page.waitForSelector('#counts-visits');
    await english('roster');

    await page.click('#tab-check');
    await page.waitForSelector('#problems-people');
    await english('check');

    await page.click('#tab-policy');
    await page.waitForSelector('#figures');
    await page.setInputFiles('#import-scenarios', SCENARIO);
    await page.waitForSelector('#scenario-list');
    await english('policy');

    // The scenario editor: the search narrows the dropdown as the analyst types, the focus stays in the search field.
    await page.click('#add-scenario');
    await page.waitForSelector('#draft-param-search');
    const all = await page.$$eval('#draft-param fluent-option', (o) => o.length);
    await page.focus('#draft-param-search input').catch(() => page.click('#draft-param-search'));
    await page.keyboard.type('tilt');
    await page.waitForFunction((n) => document.querySelectorAll('#draft-param fluent-option').length < n, all);
    const labels = await page.$$eval('#draft-param fluent-option', (o) => o.map((x) => x.textContent ?? ''));
    expect(labels[0]).toBe('—');
    expect(labels.length).toBeGreaterThan(1);
    for (const l of labels.slice(1)) expect(l.toLowerCase()).toContain('tilt');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('draft-param-search');
    expect(await page.textContent('#draft-param-count')).toBe(`${labels.length - 1} of ${all - 1} match`);
    await english('scenario editor, searching');
    await page.click('#draft-cancel');

    await page.click('#run');
    await page.waitForSelector('#headline', { timeout: 120000 });
    await english('results');
    for (const b of await page.$$('button.expander')) await b.click();
    await english('results, rows open');

    expect(await cspViolations(page)).toEqual([]);
    expect(w.pageErrors.filter((e) => !/CustomFunctions|Office/.test(e))).toEqual([]);
  }, 10 * 60 * 1000);
});
