/**
 * Reading observations out of a CSV file (issue 4, "Observations"): split the text into rows,
 * guess the delimiter, and turn the chosen columns into values, names and per-value stds. Pure,
 * so that the column-mapping step and its messages are tested without a browser.
 */

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** A non-blank row of the file and the line it starts on (1-based), for messages. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * The delimiter that splits the first lines into the same number (> 1) of cells most often;
 * `,` when none does (a one-column file).
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 20)
    .join('\n');
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const widths = parseCsv(sample, delimiter).map((row) => row.cells.length);
    if (widths.length === 0 || widths[0]! < 2) continue;
    const score = widths.filter((w) => w === widths[0]).length * widths[0]!;
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

/**
 * RFC 4180 rows: quoted cells may hold the delimiter, newlines and doubled quotes (`""`);
 * unquoted cells are trimmed; rows whose cells are all empty are skipped.
 */
export function parseCsv(raw: string, delimiter: Delimiter): CsvRow[] {
  const text = raw.replace(/\r\n?/g, '\n');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  const endCell = () => {
    cells.push(quoted ? cell : cell.trim());
    cell = '';
    quoted = false;
  };
  const endRow = () => {
    endCell();
    if (cells.some((c) => c !== '')) rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
      inQuotes = true;
    } else if (ch === delimiter) endCell();
    else if (ch === '\n') {
      endRow();
      line++;
      rowLine = line;
    } else if (!(quoted && /\s/.test(ch))) cell += ch;
  }
  endRow();
  return rows;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+([eE][+-]?\d+)?$/;

/**
 * A cell as a finite number, or null. A decimal comma (`4,2297`) is read as a decimal point where
 * the comma is not the delimiter, as spreadsheets in many locales write it.
 */
export function parseNumberCell(cell: string, delimiter: Delimiter): number | null {
  const text = cell.trim();
  const normalized = delimiter !== ',' && DECIMAL_COMMA.test(text) ? text.replace(',', '.') : text;
  if (!NUMBER.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

/** The user's choices of the column-mapping step (columns 0-based). */
export interface CsvMapping {
  readonly delimiter: Delimiter;
  readonly header: boolean;
  readonly valueColumn: number;
  readonly nameColumn: number | null;
  readonly stdColumn: number | null;
}

export type CsvImport =
  { readonly ok: true; readonly values: number[]; readonly names: string[] | null; readonly std: number[] | null } | { readonly ok: false; readonly message: string };

/** The header's name of a column, or "column N" (1-based) without a header. */
export function columnLabel(rows: readonly CsvRow[], column: number, header: boolean): string {
  const name = header ? rows[0]?.cells[column]?.trim() : undefined;
  return name ? `column ${column + 1} ("${name}")` : `column ${column + 1}`;
}

/** The number of columns of the widest row. */
export function columnCount(rows: readonly CsvRow[]): number {
  return rows.reduce((most, row) => Math.max(most, row.cells.length), 0);
}

/**
 * Values (and optional names and stds) from the mapped columns, or the first problem as a
 * sentence that names the line and the column: `Line 3, column 2 ("value"): "abc" is not a number.`
 */
export function mapCsv(rows: readonly CsvRow[], mapping: CsvMapping): CsvImport {
  const body = mapping.header ? rows.slice(1) : rows;
  if (body.length === 0) return { ok: false, message: 'The file has no data rows.' };
  const values: number[] = [];
  const names: string[] = [];
  const std: number[] = [];
  for (const row of body) {
    const number = (column: number): number | string => {
      const cell = row.cells[column] ?? '';
      const label = columnLabel(rows, column, mapping.header);
      const value = parseNumberCell(cell, mapping.delimiter);
      if (cell.trim() === '') return `Line ${row.line}, ${label} is empty.`;
      return value ?? `Line ${row.line}, ${label}: "${cell}" is not a number.`;
    };
    const value = number(mapping.valueColumn);
    if (typeof value === 'string') return { ok: false, message: value };
    values.push(value);
    if (mapping.stdColumn !== null) {
      const s = number(mapping.stdColumn);
      if (typeof s === 'string') return { ok: false, message: s };
      if (!(s > 0)) return { ok: false, message: `Line ${row.line}, ${columnLabel(rows, mapping.stdColumn, mapping.header)}: a std must be > 0, got ${s}.` };
      std.push(s);
    }
    if (mapping.nameColumn !== null) names.push((row.cells[mapping.nameColumn] ?? '').trim());
  }
  return { ok: true, values, names: mapping.nameColumn === null ? null : names, std: mapping.stdColumn === null ? null : std };
}

/**
 * A first guess at the mapping: a header when the first row has a non-number where the second has
 * numbers; values in the last numeric column; names in a non-numeric column.
 */
export function guessMapping(rows: readonly CsvRow[], delimiter: Delimiter): CsvMapping {
  const isNumber = (cell: string | undefined) => cell !== undefined && parseNumberCell(cell, delimiter) !== null;
  const width = columnCount(rows);
  const first = rows[0]?.cells ?? [];
  const second = rows[1]?.cells ?? [];
  const header = first.some((cell, c) => !isNumber(cell) && isNumber(second[c]));
  const data = rows[header ? 1 : 0]?.cells ?? [];
  const numeric = Array.from({ length: width }, (_, c) => c).filter((c) => isNumber(data[c]));
  const text = Array.from({ length: width }, (_, c) => c).filter((c) => !isNumber(data[c]) && (data[c] ?? '') !== '');
  return { delimiter, header, valueColumn: numeric[0] ?? 0, nameColumn: text[0] ?? null, stdColumn: null };
}
