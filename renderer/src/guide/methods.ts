/**
 * The methods beside GMKI (problem-format.md §1.5, core/methods/README.md), how to check a GMKI
 * result with the reference sampler, and how to read a particle run's monitor and result.
 */
import { list, p, table, type GuideSection } from './types';

export const REFERENCE_CHECK: GuideSection = {
  id: 'reference-check',
  title: 'Checking a result with the reference sampler',
  blocks: [
    p(
      'GMKI assumes the posterior is a few Gaussians. To check that on your problem, open a completed GMKI result and choose “Check with a reference sampler”: it queues an smc run of exactly the problem that ran (same data, prior, model and seed), with the particles, MH steps and stages you choose. The dialog shows the most evaluations that can cost and, from the seconds per evaluation the GMKI run measured, the most time it can take; smc usually needs 10–100 times GMKI’s evaluations, so try a few hundred particles first on an expensive model.',
    ),
    p(
      'The new run is named after the original, tagged `reference` and noted “Reference sampler for run …”. When it has finished, “Compare with the reference” on either run opens Compare with both, the smc run as the reference: if the distances are near the noise level the table states, GMKI found the posterior; if the smc run has a mode GMKI lacks, GMKI missed it (more components, gmki-robust or another seed are the usual cure). Check the smc run itself first: its monitor must show β = 1 and a log-evidence; one that stopped at its most stages samples a flattened posterior and is no reference.',
    ),
    p(
      'On the paper’s two-modal example, 30 GMKI iterations (450 evaluations) against smc with 200 particles, 3 MH steps and at most 10 stages (1 400 evaluations used): sliced W₂ 0.2 and marginal L1 0.4, where the smc run’s own halves differ by 0.16 and 0.61 — the same posterior within what 200 particles can tell; smc’s log-evidence −2.99 against −2.954 by quadrature.',
    ),
  ],
};

export const METHODS: GuideSection = {
  id: 'methods',
  title: 'The methods',
  blocks: [
    p(
      'Every method targets the same posterior (the prior and the Gaussian noise of the data) and runs under the same models, ledger, resume and exports; they differ in what they can describe and what they cost. d is the number of parameters, K the components, J the particles.',
    ),
    table(
      ['method', 'describes the posterior by', 'evaluations per iteration', 'use it'],
      [
        ['gmki-robust, gmki-paper', 'a mixture of K Gaussians: several modes', 'K·(2d+1)', 'for the result'],
        ['uki', 'one Gaussian (exact for a linear model)', '2d+1', 'as a single-Gaussian baseline'],
        ['eki', 'J particles that settle at the most likely point (an optimiser: their spread is not the posterior’s)', 'J', 'to find a best fit'],
        ['eks', 'J particles that sample a Gaussian-like posterior approximately', 'J', 'as an ensemble baseline'],
        [
          'smc',
          'J particles that sample the posterior, every mode, and the log-evidence log p(y)',
          'J per MH step; a run takes 1 + (steps of all stages)',
          'as the reference, when evaluations are affordable',
        ],
      ],
    ),
    p(
      'uki, eki and eks cannot describe two modes: on a two-mode posterior they sit on one of them or between them. Their Gaussian summary (mean and covariance) is what the corner plot’s ellipses and the components table show for them; the particles of eki, eks and smc are in the exports (the samples CSV is the particles themselves) and drawn on the corner plot and in Compare.',
    ),
    p(
      'smc (tempered sequential Monte Carlo, as PyMC’s `sample_smc`) moves J particles from the prior to the posterior through flattened versions of it, prior × likelihood^β with β from 0 to 1, resampling and moving the particles with Metropolis–Hastings steps at each stage. It needs no Gaussian assumption, but many evaluations: on the paper’s two-modal problem 2000 particles took 70 000, where GMKI takes about 450. A completed smc run cannot be extended: start a new one with more particles or steps.',
    ),
  ],
  children: [REFERENCE_CHECK],
};

export const PARTICLE_MONITOR: GuideSection = {
  id: 'particle-monitor',
  title: 'The monitor of uki, eki, eks and smc runs',
  blocks: [
    p('These methods have no mixture weights, so their monitor shows other curves:'),
    list(
      'smc: β per iteration (0 is the prior, 1 the posterior; each step up is a new stage, the flat stretches are its MH steps), the effective sample size (ESS) the stage kept, as a fraction of J (near the ESS threshold by design; far below means a degenerate stage), and the acceptance of the MH steps (a few per cent or less: particles hardly move, raise the MH steps). Below the chart, one row per stage: its β, the ESS its reweighting kept, its iterations, the acceptance of its MH steps and, for the stage that reached β = 1, the log-evidence. Once β reaches 1 the log-evidence log p(y) is shown: how probable the data were under the model and prior, to compare models on the same data (higher is better; differences of a few units matter).',
      'eki and eks: the spread of the ensemble (its standard deviation) per parameter against the iteration. eki’s spread shrinks towards zero as the particles gather at the best fit — expected, it is an optimiser; eks’s spread settles at about the posterior’s width when the run has converged (closer with a smaller dt and more iterations).',
      'uki, eki and eks: the mean ±2σ of their one Gaussian per parameter, and the misfit at its mean.',
    ),
    p('The run’s header counts evaluations against the budget; for smc that budget is an upper bound, and the run usually ends before it.'),
  ],
};
