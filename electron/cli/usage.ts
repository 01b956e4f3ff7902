/** Help texts of `gmki` and its commands (`problem-format.md` §3). */

export type CommandName = 'run' | 'validate' | 'eval' | 'examples' | 'runs' | 'serve';

export const COMMAND_NAMES: readonly CommandName[] = ['run', 'validate', 'eval', 'examples', 'runs', 'serve'];

export const GENERAL_USAGE = `Usage: gmki <command> [options]

Gaussian Mixture Kalman Inversion from the command line.

Commands:
  run PROBLEM.gmki.json       run GMKI on a problem file (stored in the run database)
  validate PROBLEM.gmki.json  check a problem file without running it
  eval PROBLEM.gmki.json [--theta JSON]
                              evaluate the forward model once and print its output
  runs <subcommand>           list, show, resume, extend, cancel, export, delete or tag stored runs
  examples [--out DIR]        write the built-in example problems as files
  serve [--port N] [--db FILE] [--no-build]
                              the app in a browser, on 127.0.0.1 only
  help <command>              show the options of a command

Options:
  -h, --help                  show this help
  --version                   print the version

Exit status: 0 success, 1 the run failed, 2 invalid problem or arguments.`;

export const COMMAND_USAGE: Readonly<Record<CommandName, string>> = {
  run: `Usage: gmki run PROBLEM.gmki.json [options]

Runs GMKI on the problem and prints a summary of the final mixture. Options override the
problem file's "settings". The run, every iteration and every forward evaluation are stored in
the run database as they complete: Ctrl-C (or a crash) leaves a run that 'gmki runs resume'
continues exactly.

Options:
  --out DIR                 write mixture.json and samples.csv into DIR
  --db FILE                 the run database (default: the desktop app's, in its data folder)
  --force                   overwrite existing result files in DIR
  --components K            number of Gaussian components
  --dt DT                   time step Δt in (0, 1)
  --iterations N            number of GMKI iterations
  --seed S                  seed of every random draw
  --posterior-samples N     rows of samples.csv
  --concurrency N           forward evaluations in flight at once (default: CPU cores)
  --json                    print one JSON summary on stdout at the end (progress goes to stderr)
  -h, --help                show this help

Exit status: 0 completed, 1 the run failed (model error), 2 invalid problem or arguments.`,
  validate: `Usage: gmki validate PROBLEM.gmki.json

Checks the problem file and reports every error with its JSON path, and that a javascript
model's module file exists (model.path, with the path it looked for); runs nothing.

Options:
  -h, --help                show this help

Exit status: 0 valid, 2 invalid.`,
  eval: `Usage: gmki eval PROBLEM.gmki.json [--theta JSON]

Evaluates the problem's forward model once, in the host a run uses (worker thread, process or
HTTP), and prints its output G(θ) as one JSON array on stdout. The model's own output (print,
stderr) goes to stderr. Nothing is stored.

Options:
  --theta JSON              θ in physical units, one number per parameter, e.g. '[0.5, -1]'
                            (default: the prior means)
  -h, --help                show this help

Exit status: 0 evaluated, 1 the model failed (the message names θ and quotes the model),
2 invalid problem, arguments or model set-up.`,
  runs: `Usage: gmki runs <subcommand> [RUN_ID] [options]

Subcommands:
  list [--status S] [--tag T] [--search TEXT] [--limit N] [--json]
                            the stored runs, newest first
  show RUN_ID [--json]      settings, progress, final mixture and log of a run
  resume RUN_ID [--out DIR] [--force] [--json]
                            continue an interrupted or cancelled run from its last iteration
  extend RUN_ID --iterations N [--out DIR] [--force] [--json]
                            add N iterations to a completed run
  cancel RUN_ID             ask a run (in any process) to stop after the evaluations in flight
  export RUN_ID --format csv|json|npz|problem [--out FILE] [--force]
                            samples, mixture history, NumPy arrays or a re-runnable problem file
  delete RUN_ID             delete a run and everything stored with it
  tag RUN_ID TAG... [--remove]
                            add (or remove) tags

Every subcommand takes --db FILE (default: the desktop app's database). A unique prefix of
a run id is enough. Resumed and extended runs give exactly what an uninterrupted run gives.`,
  serve: `Usage: gmki serve [--port N] [--db FILE] [--no-build]

Serves GMKI Studio to a browser on this machine (127.0.0.1 only) and prints its URL, which
carries a random token: only who has the URL can use it. Runs started there execute in this
process; Ctrl-C cancels them (resume them later) and stops the server. When the app's pages
(out/renderer) are missing or older than their sources, it builds them first (as 'npm run
build' does, some seconds).

Options:
  --port N                  port to listen on (default 5391; 0 picks a free one)
  --db FILE                 the run database (default: the desktop app's, in its data folder)
  --no-build                serve the pages as they are, never build them (the API needs none)
  -h, --help                show this help`,
  examples: `Usage: gmki examples [--out DIR] [--force]

Writes the built-in example problems as <id>.gmki.json files.

Options:
  --out DIR                 folder to write into (default: gmki-examples)
  --force                   overwrite existing files
  -h, --help                show this help`,
};

export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}
