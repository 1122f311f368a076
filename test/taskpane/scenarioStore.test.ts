import fs from 'fs';
import path from 'path';
import { parseScenarioSet, scenarioSetJson } from '../../src/taskpane/scenarioStore';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', 'scenario-dibao-75.json');

describe('scenario files', () => {
  test("reads the projection's scenario file (the CLI's format)", () => {
    const set = parseScenarioSet(fs.readFileSync(SAMPLE, 'utf8'), 'scenario-dibao-75.json');
    expect(set.scenarios.map((s) => s.name)).toEqual(['dibao-75']);
    expect(set.scenarios[0].overrides['xinyang-2024']['inpatient.tiers.dibao_returned.ratio']).toBe(0.75);
  });
  test('what the pane writes reads back the same, for one scenario and several', () => {
    const one = { scenarios: [{ name: 'a', overrides: { 'xinyang-2024': { 'tilt.threshold': 10000 } } }] };
    expect(parseScenarioSet(scenarioSetJson(one))).toEqual(one);
    expect(JSON.parse(scenarioSetJson(one))).toHaveLength(1);
    const two = { scenarios: [...one.scenarios, { name: 'b', overrides: {} }] };
    expect(parseScenarioSet(scenarioSetJson(two))).toEqual(two);
  });
  test('a broken file is refused in both languages, naming the file', () => {
    expect(() => parseScenarioSet('{', 'x.json')).toThrow(/x\.json[\s\S]*JSON/);
    expect(() => parseScenarioSet('{"name":"a","overrides":{"xinyang-2024":{"no.such.path":1}}}', 'y.json')).toThrow(/no\.such\.path/);
  });
});
