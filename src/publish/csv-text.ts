/**
 * CSV for offices: UTF-8 with a byte-order mark, so that Excel and WPS open the file as UTF-8
 * (without it, Chinese Excel reads it as GBK and saving breaks it); LF line ends. Cells are written
 * exactly as given (src/text/csv.ts, formulae not escaped): a cell that starts like a formula is
 * the validator's to report, not ours to hide.
 */
import { writeCsv } from '../text/csv.ts';

export const BOM = '\ufeff';

export const csvText = (rows: readonly (readonly string[])[]): string => writeCsv(rows, { bom: true, newline: '\n' });
