/**
 * How a finding is fixed, in the words of each surface (issue 17): the CLI user is told the
 * flag (--region, --year, --set REGION:PATH=VALUE), the pane user the field or column by the
 * name the pane shows, and the pane focuses that control (`target`). The same problem, the
 * same target; two texts written for their readers, never one text with flags stripped.
 */
type Bi = { zh: string; en: string };

/** Where a finding is fixed. */
export type FixTarget =
  /** The region field; `region` is the one that fits the roster (the name the engine accepts). */
  | { kind: 'region'; region?: string }
  /** The year field; `year` is the year the visits are in. */
  | { kind: 'year'; year?: number }
  /** A roster column's mapping (roster field name, src/roster/fields.ts). */
  | { kind: 'column'; table: 'people' | 'visits'; field: string }
  /** A figure the analyst supplies; `path` when the finding names the parameter. */
  | { kind: 'figure'; path?: string }
  /** An own region file (the pane's “载入本地区政策文件（JSON）”, the CLI's --policy). */
  | { kind: 'regionFile' }
  /** The rows of the validation report (校验报告; the pane's 核对 tab). */
  | { kind: 'report'; table: 'people' | 'visits' };

export interface Fix {
  cli: Bi;
  pane: Bi;
  target: FixTarget;
}

export type Surface = 'cli' | 'pane';

/** A parameter path named in an engine message ("请在参数 income.perCapitaDisposable.2021 中填写"). */
const PATH_IN = /\b((?:income|premium|inpatient|outpatient|tilt|fund|ciInsurance|hospital|monitoring)(?:\.[\w-]+)+)/;

/** Where each finding's fix goes, per error code of the engine (the message names the parameter, if any). */
export function fixForCode(code: string, message: string): Fix {
  const path = PATH_IN.exec(message)?.[1];
  switch (code) {
    case 'CATEGORY_NOT_IN_POLICY':
      return {
        cli: { zh: '核对人员表“人员类别”列，或用 --region 选择名册所属地区', en: 'check the people table’s 人员类别 (category) column, or choose the roster’s own region with --region' },
        pane: { zh: '在“核对”页核对人员表的列对应“人员类别”，或在“地区（政策）”中选择名册所属地区', en: 'check the people table’s “category” column on the Check tab, or choose the roster’s own region in “Region (policy)”' },
        target: { kind: 'column', table: 'people', field: 'categories' },
      };
    case 'UNKNOWN_SCHEME':
      return {
        cli: { zh: '核对就诊表“门诊类型”列，或用 --region 选择名册所属地区', en: 'check the visits table’s 门诊类型 (outpatient scheme) column, or choose the roster’s own region with --region' },
        pane: { zh: '在“核对”页核对就诊表的列对应“门诊类型”，或在“地区（政策）”中选择名册所属地区', en: 'check the visits table’s “outpatient scheme” column on the Check tab, or choose the roster’s own region in “Region (policy)”' },
        target: { kind: 'column', table: 'visits', field: 'scheme' },
      };
    case 'PREMIUM_REQUIRED':
      return {
        cli: { zh: '在人员表的“个人缴费”列填写个人缴费额', en: 'fill in the people table’s 个人缴费 (individual premium) column' },
        pane: { zh: '在人员表中填写个人缴费额一列，并在“核对”页人员表的列对应中选为“个人缴费”', en: 'fill in an individual premium column in the people table and map it to “individual premium” on the Check tab' },
        target: { kind: 'column', table: 'people', field: 'premium' },
      };
    case 'MISSING_INCOME':
      return {
        cli: { zh: `填写上一年度居民人均可支配收入：--set 地区:${path ?? 'income.perCapitaDisposable.年份'}=金额`, en: `supply last year’s per-capita disposable income: --set REGION:${path ?? 'income.perCapitaDisposable.YEAR'}=AMOUNT` },
        pane: { zh: '在“本地区补充参数”中填写上一年度居民人均可支配收入', en: 'enter last year’s per-capita disposable income under “Figures you supply”' },
        target: { kind: 'figure', path },
      };
    case 'MISSING_PARAMETER':
    case 'FIRST_TIER_REQUIRED':
      return {
        cli: { zh: `填写该参数：--set 地区:${path ?? '参数路径'}=取值，或 --params 参数文件`, en: `supply the parameter: --set REGION:${path ?? 'PATH'}=VALUE, or a --params file` },
        pane: { zh: '在“本地区补充参数”中填写该参数', en: 'enter the figure under “Figures you supply”' },
        target: { kind: 'figure', path },
      };
    case 'TERM_NOT_DEFINED':
      return {
        cli: { zh: '在自定义地区政策文件中补充该条款：--policy 文件', en: 'add the term in an own region file: --policy FILE' },
        pane: { zh: '用“载入本地区政策文件（JSON）”载入写明该条款的政策文件', en: 'load a region file stating the term with “Load my own region file (JSON)”' },
        target: { kind: 'regionFile' },
      };
    default:
      return {
        cli: { zh: '见校验报告中该行的说明', en: 'see the row’s message in the validation report' },
        pane: { zh: '见“核对”页（及结果工作簿“校验报告”表）中该行的说明', en: 'see the row’s message on the Check tab (and the result workbook’s 校验报告 / Validation sheet)' },
        target: { kind: 'report', table: 'people' },
      };
  }
}

/** The fix of a delegated tilt (ruling 4): the terms, as parameters (CLI --set; the pane's figures panel) or in a region file. */
export function tiltFix(flag: string): Fix {
  return {
    cli: { zh: `补充 tilt.threshold、tilt.ratio、tilt.cap 并设 tilt.delegated=false：--set ${flag}:tilt.threshold=… 或 --params 参数文件`, en: `supply tilt.threshold, tilt.ratio, tilt.cap and tilt.delegated=false: --set ${flag}:tilt.threshold=… or a --params file` },
    pane: { zh: '在“本地区补充参数”中填写统筹地区的倾斜救助起付标准、救助比例和年度限额（三项齐全即计算），或用“载入本地区政策文件（JSON）”载入写明它们的政策文件', en: 'enter the prefecture’s tilt threshold, ratio and annual cap under “Figures you supply” (computed once all three are given), or load a region file stating them with “Load my own region file (JSON)”' },
    target: { kind: 'figure', path: 'tilt.threshold' },
  };
}

/** "reason。补正：fix" / "reason. Fix: fix", for a surface. */
export function withFix(reason: Bi, fix: Fix, lang: 'zh' | 'en', surface: Surface): string {
  return lang === 'zh' ? `${reason.zh}。补正：${fix[surface].zh}` : `${reason.en}. Fix: ${fix[surface].en}`;
}
