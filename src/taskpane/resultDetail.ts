/**
 * Which detail sheets the pane's result holds: 人员 People only by default, as the CLI's
 * --detail. At 100k visits the per-visit 明细 sheet is most of the workbook's cells and of the
 * time to build it in the browser; the analyst asks for it when needed. (Its own file so the
 * pane's main bundle can name the choice without importing the workbook writer.)
 */

import type { WorkbookOptions } from '../projection/workbookLayout';

/** The layout's own detail levels (a type-only import: the workbook writer stays out of the main bundle). */
export type ResultDetail = NonNullable<WorkbookOptions['detail']>;
export const DEFAULT_RESULT_DETAIL: ResultDetail = 'people';
