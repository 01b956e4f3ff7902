/** How to read a run: the monitor's charts, the diagnostics, the corner plot, and Compare. */
import { PARTICLE_MONITOR } from './methods';
import { list, p, type GuideSection } from './types';

export const RUN_MONITOR: GuideSection = {
  id: 'run-monitor',
  title: 'Reading the run monitor',
  blocks: [
    p(
      'A run is queued, then running, then completed, failed (with the cause: the model’s own message and the θ it failed at), cancelled or interrupted (the app or machine stopped). ' +
        'Cancelled and interrupted runs can be resumed from their last finished iteration; a completed run can be extended by more iterations. The progress line shows the iteration, evaluations done and failed, the time so far and an estimate of the time left.',
    ),
    p(
      'Components are numbered from 0 — Component 0, Component 1, … — everywhere: on every screen, in the diagnostics, in what `gmki` prints and in the files (the `component` column of samples.csv and the order of the weights, means and covariances in mixture.json).',
    ),
    p('The charts have one colour per component, the same on every chart:'),
    list(
      'Weights per component (log scale): each component’s share of the probability. A weight that drops to the floor (1e-15 by default) is a collapse: the component no longer counts. A weight that climbs back up from the floor is a revival: the component found a region that fits. With gmki-robust, a sudden jump marks a split, merge or re-seed.',
      'Means ±2σ, one chart per parameter, in physical units: where each component sits and how wide it is (the band covers about 95 % of it). Components that settle on different values are different modes; bands that shrink show the data constraining the parameter; bands that stay as wide as the prior show that the data say little about it.',
      'Misfit Φ per component (log scale): how badly the model at the component’s centre explains the data, measured in noise units and including the prior term (½·Σ((y − G(θ))/σ)² for independent noise). The dashed Best line is the smallest. As a rough guide, where the model explains the data within the noise the data part of Φ is about half the number of observations; a component far above Best sits where the model does not fit.',
    ),
    p('Curves that flatten out mean the run has converged. If they are still moving at the end, extend the run.'),
  ],
  children: [PARTICLE_MONITOR],
};

export const DIAGNOSTICS: GuideSection = {
  id: 'diagnostics',
  title: 'Diagnostics warnings',
  blocks: [
    p(
      'From the second iteration on, the run page checks the run’s history for things that deserve a second look. Information notes need no action; warnings say the result may be missing or misplacing probability mass, and what to try.',
    ),
    list(
      'Components at the weight floor: they add nothing to the result. Harmless when they are spare, but see the next point.',
      'A component at the floor where the model fits the data about as well as where the mass is: it may sit on a real mode whose mass was written off. Try more components, a longer run, or the method gmki-robust.',
      'Duplicates: two components describe the same region (their overlap is above 0.5). Harmless for the result; K is larger than needed there.',
      'A heavy component where the model fits poorly, or within which the model turns strongly: it may be spread across several modes (sitting on the saddle between them). Try more components or a longer run.',
      'Not converged: mass still moved between regions over the last iterations. Try a longer run (extend it).',
      'Elongated or nearly singular covariance: a Gaussian stretched along a curved ridge, or a direction the data and prior do not constrain (typical without a prior).',
    ),
    p(
      '“The result may be missing mass” appears when a warning says so: the mixture may have found some modes but not all, or put mass in the wrong place. More components (K) and a longer run are the usual cure; running again with another seed shows whether the answer depends on the start.',
    ),
  ],
};

export const CORNER_PLOT: GuideSection = {
  id: 'corner-plot',
  title: 'The corner plot',
  blocks: [
    p(
      'The corner plot shows the posterior mixture parameter by parameter, in physical units. On the diagonal: the marginal density of each parameter (how likely each value is, whatever the others; its scale on the right), with the median as a line and the central 68 % and 95 % intervals shaded; above each, the median and the 68 % interval in numbers. Below the diagonal: for each pair of parameters, the joint density as a colour map, the smallest regions holding 68 % (solid contour) and 95 % (dashed) of it, and an ellipse and a dot per component (the 2σ ellipse encloses about 86 % of that component). The key names each component’s colour and weight; the heaviest component is drawn on top.',
    ),
    p(
      'Two separate blobs in a pair plot are two modes; a tilted ellipse means the two parameters are correlated (the data constrain a combination of them, not each one). With many parameters, choose which to show; a plot wider than the window scrolls sideways. In the dark theme, Export image also offers each chart as a light figure on white, for papers.',
    ),
    p(
      'With many parameters (the Darcy example has 128), the interval plot below the corner plot shows every one at once: for each component, its mean ± 2σ as a bar with a dot (a bounded parameter: its median and central 95 % interval), side by side per parameter, and the reference as a dash when the problem has one. It opens on the first 32 parameters; drag the slider, scroll over the chart or press “All … parameters”. The monitor shows the same plot for the latest iteration.',
    ),
    p(
      'When the problem names a field hook (“fields”, e.g. the Darcy example’s log κ), the field maps show the field each component’s centre makes, heaviest first with its weight, and the reference’s field, all on one colour scale: two components whose maps mirror each other are two modes of the posterior. The hook runs in a worker thread when the page asks; where it fails, its message takes the map’s place.',
    ),
    p(
      'The posterior predictive chart shows the data with ±2σ noise bars and the model’s output at each component’s mean. “Evaluate the model at posterior samples” runs the model now at that many samples of the posterior and adds two grey bands per observation: darker, where 90 % of the model’s outputs fall (the posterior’s uncertainty in the prediction); lighter, the same with the noise added (where 90 % of new data would fall). Data outside the lighter band are surprising under the result.',
    ),
  ],
};

export const COMPARE: GuideSection = {
  id: 'compare',
  title: 'Comparing runs',
  blocks: [
    p(
      'Compare overlays two or more runs in one colour per run: the marginal densities of each parameter, the pair plots, and the weight and misfit curves. Use it to see whether a result depends on the seed, on K, on Δt or on the method: if the posteriors agree, the result is robust; if one run has a mode the other lacks, the one without it likely missed it.',
    ),
    p(
      'Runs of different methods can be compared. A mixture run (GMKI, dfgmvi) is drawn from its mixture; a particle run (eki, eks, smc) from its particles: a smooth estimate of their density on the marginal, the particles themselves as dots on the pair. The weight curves show only the runs that have weights.',
    ),
    p(
      'The distance table gives per run its method, the forward evaluations it used, and two distances of its posterior to the one chosen as the reference (an smc run by default), on the parameters the runs share, from each run’s samples (a mixture run’s draws, a particle run’s particles): the sliced Wasserstein distance W₂ in the reference’s standard deviations (0 is the same posterior, 1 a shift by one standard deviation), and the L1 distance of each parameter’s histogram averaged over the parameters (0 the same, 2 no overlap). Beside them, the two numbers between two halves of the reference’s own samples: differences of that size are sampling noise, not a difference between the methods. With a few hundred particles that noise is large; more particles make the reference sharper.',
    ),
    p('The screen also lists the runs’ settings side by side, by default only the ones that differ, so you can see at once what changed between them.'),
  ],
};
