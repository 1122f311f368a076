/**
 * The manifest's requirement sets against the Office APIs the code really calls (issue 13
 * item 6): every Excel, Office and custom-functions member used anywhere in the add-in's bundle
 * (the three entries taskpane.ts, functions.ts, commands.ts and all they import), resolved by
 * the TypeScript checker to Microsoft's declaration, with the set that declaration states
 * (@types/office-js, @types/custom-functions-runtime) and, for Excel, the set the Excel
 * runtime itself checks before the call (@microsoft/office-js, dist/excel-web-16.00.debug.js).
 * Using an API newer than manifest.xml declares fails here (the probe below shows it does).
 */
import fs from 'fs';
import path from 'path';
import { EXCEL_API } from '../../src/taskpane/host/detectHost';
import { compareVersions, EXCEL_RUNTIME, EXCEL_RUNTIME_MIN, excelRuntimeChecks, officeApiUses, requirementProblems, ROOT, type ApiUse } from './officeApiUse';

const ENTRIES = ['src/taskpane/taskpane.ts', 'src/functions/functions.ts', 'src/commands/commands.ts'].map((f) => path.join(ROOT, f));

/** manifest.xml's <Requirements><Sets>: set → MinVersion. */
function declaredSets(): Record<string, string> {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const block = /<Requirements>([\s\S]*?)<\/Requirements>/.exec(xml);
  if (!block) throw new Error('manifest.xml has no <Requirements>');
  return Object.fromEntries([...block[1].matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)].map((m) => [m[1], m[2]]));
}

/**
 * Members whose set @types does not state (or states for another application), each reviewed
 * against Microsoft's pages; a new one fails the test until it is added here with its reason.
 */
const REVIEWED: Record<string, string> = {
  'Office.onReady': 'the common API every page calls first ("Initialize your Office Add-in"), in every office.js: no set',
  'Office.actions': 'registers ExecuteFunction actions in the shared runtime the manifest declares (SharedRuntime 1.1); @types states no set',
  'Office.Actions.associate': 'the same (Office.actions)',
  'Office.addin': 'SharedRuntime 1.1 ("Shared runtime requirement sets": 1.1 is the Office.Addin API), declared',
  'CustomFunctions.ErrorCode': 'the enum object; each of its members states its set (CustomFunctionsRuntime 1.3), checked as used',
  'Office.AddinCommands.Event.completed': '@types names Mailbox 1.3, Outlook\'s set; in Excel an ExecuteFunction command calls it when done ("Add-in commands")',
};

const gate = fs.existsSync(EXCEL_RUNTIME) && fs.existsSync(EXCEL_RUNTIME_MIN);

describe('manifest.xml requirement sets against the APIs the code calls', () => {
  let uses: ApiUse[];
  beforeAll(() => {
    uses = officeApiUses(ENTRIES);
  }, 120000);
  const runtime = excelRuntimeChecks();

  test('the package holds the Excel runtime with its requirement checks', () => {
    expect(gate).toBe(true);
    // The readable file is the minified one that Excel on the web loads, check for check.
    expect(runtime.get('Worksheet.customProperties')).toEqual({ set: 'ExcelApi', version: '1.12' });
    expect(fs.readFileSync(EXCEL_RUNTIME_MIN, 'utf8')).toMatch(/"Worksheet\.customProperties",[\w$]+,"1\.12"/);
    expect(runtime.size).toBeGreaterThan(500);
  });

  test('the analysis finds what the code is known to use (the result-sheet marker, settings, charts, the commands)', () => {
    const apis = uses.map((u) => u.api);
    expect(apis).toEqual(
      expect.arrayContaining([
        'Excel.run',
        'Excel.Worksheet.customProperties',
        'Excel.WorksheetCustomPropertyCollection.add',
        'Excel.Workbook.settings',
        'Excel.Worksheet.getRangeByIndexes',
        'Excel.ChartCollection.add',
        'Office.Addin.showAsTaskpane',
        'CustomFunctions.Error',
      ]),
    );
    const customProperties = uses.find((u) => u.api === 'Excel.Worksheet.customProperties')!;
    expect(customProperties).toMatchObject({ set: 'ExcelApi', version: '1.12' });
    expect(customProperties.at).toMatch(/^src\/taskpane\/host\//);
  });

  test('no API needs more than manifest.xml declares, and the two sources agree on every Excel member used', () => {
    expect(requirementProblems(uses, runtime, declaredSets(), REVIEWED)).toEqual([]);
  });

  test('manifest.xml asks for exactly the versions the code needs (no newer Excel shut out), and the pane checks the same ExcelApi at start', () => {
    const declared = declaredSets();
    const needed: Record<string, string> = {};
    for (const u of uses) if (u.set && declared[u.set] !== undefined && (!needed[u.set] || compareVersions(u.version!, needed[u.set]) > 0)) needed[u.set] = u.version!;
    // ExcelApi 1.12: Worksheet.customProperties, the result-sheet marker. CustomFunctionsRuntime 1.3:
    // the ErrorCode values given to CustomFunctions.Error and Invocation.parameterAddresses.
    expect(needed).toEqual({ ExcelApi: '1.12', CustomFunctionsRuntime: '1.3', SharedRuntime: '1.1' });
    expect(declared).toEqual(needed);
    expect(EXCEL_API).toEqual({ name: 'ExcelApi', version: needed.ExcelApi });
  });

  test('every reviewed member is still used (the list names no API the code dropped)', () => {
    expect(Object.keys(REVIEWED).filter((api) => !uses.some((u) => u.api === api))).toEqual([]);
  });

  test('probe: code calling Range.getMergedAreasOrNullObject (1.13) and Worksheet.tabId (1.14) fails the check', () => {
    const probe = {
      file: path.join(ROOT, 'src', '__requirement_probe__.ts'),
      text: [
        'export async function probe(): Promise<number> {',
        '  return Excel.run(async (context) => {',
        '    const ws = context.workbook.worksheets.getActiveWorksheet();',
        "    ws.getRange('A1').getMergedAreasOrNullObject();",
        '    ws.load("tabId");',
        '    await context.sync();',
        '    return ws.tabId;',
        '  });',
        '}',
      ].join('\n'),
    };
    const probed = officeApiUses([], probe);
    const problems = requirementProblems(probed, runtime, declaredSets(), REVIEWED);
    expect(problems).toEqual([
      'Excel.Range.getMergedAreasOrNullObject (src/__requirement_probe__.ts:4) needs ExcelApi 1.13, manifest.xml declares ExcelApi 1.12',
      'Excel.Worksheet.tabId (src/__requirement_probe__.ts:7) needs ExcelApi 1.14, manifest.xml declares ExcelApi 1.12',
    ]);
  }, 120000);
});
