/** Files and where runs are kept; using the app from the keyboard. */
import { list, type GuideSection } from './types';

export const FILES: GuideSection = {
  id: 'files',
  title: 'Files, and where runs are stored',
  blocks: [
    list(
      'Problem files (`*.gmki.json`) describe a problem: parameters and priors, observations and noise, the model, and the settings that differ from the defaults. The problem editor opens and saves them; `gmki run` runs them from a terminal. Relative paths inside (the model file) are relative to the problem file’s folder.',
      'Runs are kept in one SQLite database in the app’s data folder (on Linux `~/.config/GMKI Studio/gmki.sqlite`). Every iteration is saved as it completes, with every forward evaluation (θ, output or error, duration), so a run survives a crash or quit and can be resumed exactly. The command `gmki` uses the same database (`--db FILE` or `GMKI_DATA_DIR` choose another).',
      'Each run records its seed, the problem exactly as run (every setting filled in), the software version and a hash of the model file, so that it can be repeated.',
      'Exports: `samples.csv` (posterior samples in physical units, with the component each came from), `mixture.json` (weights, means and covariances at every iteration), `.npz` for NumPy, the problem as a re-runnable file, and plots as PNG or SVG.',
    ),
  ],
};

export const KEYBOARD: GuideSection = {
  id: 'keyboard',
  title: 'Using the keyboard',
  blocks: [
    list(
      'Tab and Shift+Tab move between links, fields and buttons; the focused one is outlined.',
      'Enter or Space press the focused button or link; Enter in a single-line field submits its form where that is natural (for instance the run name starts the run).',
      'In drop-down lists, the arrow keys choose and Enter confirms; Escape closes lists, tooltips and dialogs.',
      'Every field has a label: screen readers announce it, and clicking the label focuses the field.',
      'The navigation bar at the top reaches every screen; the theme button switches between light and dark.',
    ),
  ],
};
