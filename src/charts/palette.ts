/**
 * Colours of the charts. Categorical colours are Okabe–Ito (safe for the common colour-vision
 * deficiencies); every chart also labels its marks directly or varies pattern and lightness, so
 * nothing depends on hue alone and a greyscale print still reads.
 */
import { LINE_STATUSES, statusLabel, type LineStatus } from '../schema/line.ts';

/** Okabe–Ito, without yellow (too pale on white for thin marks). */
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

/** Fixed colour of each line status, the same on every page. */
export const STATUS_COLOURS: Readonly<Record<LineStatus, string>> = {
  planned: '#56B4E9', // sky blue: listed, nothing done yet
  shutdown: '#E69F00', // orange: production stopped
  sealed: '#CC79A7', // reddish purple: power and water cut, sealed
  dismantled: '#0072B2', // blue: main equipment dismantled
  accepted: '#009E73', // bluish green: accepted by inspection
  incomplete: '#D55E00', // vermillion: deadline passed, not done
};

/** Status order on every chart: the one-way path, then the verdict. */
export const STATUS_ORDER: readonly LineStatus[] = LINE_STATUSES;

export { statusLabel };

/** Targets: hatched outline; eliminated: solid. Different in lightness and texture, not only hue. */
export const TARGET_COLOUR = '#0072B2';
export const ELIMINATED_COLOUR = '#D55E00';
/** Bars of a single series. */
export const BAR_COLOUR = '#0072B2';
/** Background track of a 0–100 % bar. */
export const TRACK_COLOUR = '#e8e8e8';

/**
 * Sequential classes, light to dark, of one hue (blue): lightness rises monotonically, so it reads
 * in greyscale and with any colour-vision deficiency. Five classes (ColorBrewer Blues).
 */
export const SEQUENTIAL = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
/** Fill of no-data tiles under the hatch. */
export const NO_DATA_FILL = '#f2f2f2';
export const NO_DATA_HATCH = '#9a9a9a';

/** Whether white text reads better than dark text on `hex` (WCAG relative luminance). */
export function prefersWhiteText(hex: string): boolean {
  const ch = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
  return (1.05 / (l + 0.05)) > ((l + 0.05) / 0.05);
}
