/** Small text helpers for failure messages that quote what a model wrote. */

/** `text` cut to `max` characters, with a note of how much was left out. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/**
 * The last lines a model wrote to stderr, indented under a heading, or '' when there are none:
 * appended to a failure so the user sees the model's own explanation (a traceback, a message).
 */
export function quoteStderrTail(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  return `\nThe model's last lines on stderr:\n${lines.map((line) => `  | ${line}`).join('\n')}`;
}

/**
 * Keeps the last `capacity` lines (each cut to `maxLineLength`), for quoting in messages
 * without holding a model's whole output in memory.
 */
export class LineTail {
  private readonly lines: string[] = [];

  constructor(
    private readonly capacity = 20,
    private readonly maxLineLength = 500,
  ) {}

  push(line: string): void {
    this.lines.push(truncate(line, this.maxLineLength));
    if (this.lines.length > this.capacity) this.lines.shift();
  }

  snapshot(): string[] {
    return [...this.lines];
  }

  clear(): void {
    this.lines.length = 0;
  }
}
