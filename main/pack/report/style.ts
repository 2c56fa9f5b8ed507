import { ROLLUP_LABELS, WORK_STATUS_LABELS } from '../../../shared/domain/labels';
import type { ClaimResult } from '../../../shared/domain/types';

/** A4 in points, with room above and below the text for the running header and footer. */
export const PAGE = {
  marginTop: 64,
  marginBottom: 60,
  marginX: 54,
} as const;

export const TYPE = {
  title: 26,
  h1: 17,
  h2: 12.5,
  h3: 10.5,
  body: 9.5,
  table: 8,
  small: 7.5,
  mono: 6.5,
  lineGap: 2,
} as const;

export const COLORS = {
  text: '#1f2933',
  heading: '#102a43',
  muted: '#627d98',
  accent: '#1f4e79',
  rule: '#bcccdc',
  tableHeader: '#243b53',
  tableHeaderText: '#ffffff',
  zebra: '#f0f4f8',
  panel: '#f0f4f8',
  warning: '#8a4b08',
} as const;

export type ResultOrScope = ClaimResult | 'out-of-scope';

/**
 * Result colours chosen to differ in lightness as well as hue, so the chart still reads on
 * a greyscale printout: darkest = met, lightest = out of scope.
 */
export const RESULT_COLORS: Readonly<Record<ResultOrScope, string>> = {
  met: '#1b5e20',
  'not-met': '#c62828',
  'not-applicable': '#78909c',
  'partially-met': '#f9a825',
  'not-assessed': '#d9e2ec',
  'out-of-scope': '#ffffff',
};

/** The shared words (`shared/domain/labels.ts`), so the pack reads as the app does. */
export const RESULT_LABELS: Readonly<Record<ResultOrScope, string>> = ROLLUP_LABELS;

/** Chart and legend order: best first. */
export const RESULT_ORDER: readonly ResultOrScope[] = ['met', 'partially-met', 'not-met', 'not-applicable', 'not-assessed', 'out-of-scope'];

export { WORK_STATUS_LABELS };
