/** The process's streams as the commands see them (one place that touches `process`). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stderr is a terminal: progress is then drawn as a bar. */
  readonly stderrIsTTY: boolean;
  readonly stderrColumns: number | undefined;
}

export function processIo(): CliIo {
  // `gmki run … | head` closes stdout early; that is the reader's choice, not a crash to report.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    stderrColumns: process.stderr.isTTY ? process.stderr.columns : undefined,
  };
}
