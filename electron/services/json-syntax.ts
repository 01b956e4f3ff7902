/**
 * JSON.parse with a line and column for syntax errors. V8's messages give a position for only
 * some errors (and none for "Unexpected token"), so on failure a small scanner walks the text
 * again (RFC 8259 grammar) to find where it first goes wrong and say what it expected there.
 */

export interface JsonSyntaxError {
  /** 1-based line and column (columns count UTF-16 code units, as editors mostly do). */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

export function parseJsonWithLocation(text: string): JsonParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // editors on Windows add a BOM
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const located = locateSyntaxError(body);
    if (located) return { ok: false, error: { ...lineAndColumn(body, located.offset), message: located.message } };
    // The scanner found nothing wrong where V8 did: report V8's words at the start of the file.
    return { ok: false, error: { line: 1, column: 1, message: (error as Error).message } };
  }
}

class LocatedError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** The first syntax error of `text`, or null when it is valid JSON. */
export function locateSyntaxError(text: string): { offset: number; message: string } | null {
  const scanner = new Scanner(text);
  try {
    scanner.document();
    return null;
  } catch (error) {
    if (error instanceof LocatedError) return { offset: error.offset, message: error.message };
    throw error;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Scanner {
  private i = 0;

  constructor(private readonly s: string) {}

  document(): void {
    this.value();
    this.whitespace();
    if (this.i < this.s.length) this.fail(`unexpected ${this.found()} after the end of the JSON value`);
  }

  private value(): void {
    this.whitespace();
    const c = this.s[this.i];
    if (c === '{') this.object();
    else if (c === '[') this.array();
    else if (c === '"') this.string();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.number();
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else if (c === '/') this.fail(`expected a value, found '/' (JSON has no comments)`);
    else if (c === "'") this.fail(`expected a value, found "'" (JSON strings use double quotes)`);
    else this.fail(`expected a value, found ${this.found()}`);
  }

  private object(): void {
    this.i++;
    this.whitespace();
    if (this.s[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.whitespace();
      if (this.s[this.i] !== '"') {
        const trailing = this.s[this.i] === '}' ? ' (JSON allows no comma before })' : '';
        this.fail(`expected a property name in double quotes, found ${this.found()}${trailing}`);
      }
      this.string();
      this.whitespace();
      if (this.s[this.i] !== ':') this.fail(`expected ':' after the property name, found ${this.found()}`);
      this.i++;
      this.value();
      this.whitespace();
      const c = this.s[this.i];
      this.i++;
      if (c === '}') return;
      if (c !== ',') {
        this.i--;
        this.fail(`expected ',' or '}' after a property value, found ${this.found()}`);
      }
    }
  }

  private array(): void {
    this.i++;
    this.whitespace();
    if (this.s[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.whitespace();
      if (this.s[this.i] === ']') this.fail(`expected a value, found ']' (JSON allows no comma before ])`);
      this.value();
      this.whitespace();
      const c = this.s[this.i];
      this.i++;
      if (c === ']') return;
      if (c !== ',') {
        this.i--;
        this.fail(`expected ',' or ']' after an array element, found ${this.found()}`);
      }
    }
  }

  private string(): void {
    const start = this.i;
    this.i++;
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined) this.fail('unterminated string', start);
      if (c === '"') {
        this.i++;
        return;
      }
      if (c === '\\') {
        const e = this.s[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i + 2, this.i + 6))) this.fail('invalid \\u escape in string');
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          this.i += 2;
        } else {
          this.fail(`invalid escape '\\${e ?? ''}' in string`);
        }
      } else if (c.charCodeAt(0) < 0x20) {
        this.fail('control character in string (write \\n for a line break, \\t for a tab)');
      } else {
        this.i++;
      }
    }
  }

  private number(): void {
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.s);
    if (!match || match[0] === '-') this.fail(`invalid number`);
    this.i += match[0].length;
  }

  private literal(word: string): void {
    if (!this.s.startsWith(word, this.i)) this.fail(`expected a value, found ${this.found()}`);
    this.i += word.length;
  }

  private whitespace(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i]!)) this.i++;
  }

  private found(): string {
    if (this.i >= this.s.length) return 'the end of the file';
    const word = /^[A-Za-z_]\w*/.exec(this.s.slice(this.i, this.i + 20))?.[0];
    if (word) return `'${word}'`;
    const c = this.s[this.i]!;
    return c === "'" || c.charCodeAt(0) < 0x20 ? JSON.stringify(c) : `'${c}'`;
  }

  private fail(message: string, at: number = this.i): never {
    throw new LocatedError(at, message);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
