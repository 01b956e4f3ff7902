/** What GMKI does and when to use it, in plain words. */
import { list, p, type GuideSection } from './types';

export const INTRO: GuideSection = {
  id: 'what-gmki-does',
  title: 'What GMKI does, and when to use it',
  blocks: [
    p(
      'You have a simulator (the forward model) that turns parameters θ into predicted measurements, some real measurements y with their noise, and a prior: what you believed about θ before measuring. ' +
        'The posterior is what you should believe after: which θ explain the data, and how sure you can be. GMKI (Gaussian Mixture Kalman Inversion) finds it without derivatives of the model.',
    ),
    p(
      'It describes the posterior as a mixture of K Gaussians (bell curves): each component has a weight (its share of the probability), a mean (where it sits) and a covariance (how wide it is, and in which directions). ' +
        'Several components can sit on several modes: separate groups of parameter values that all explain the data, which a single Gaussian or a least-squares fit would miss or average into nonsense.',
    ),
    p(
      'Each iteration moves the mixture part of the way towards the posterior. For each component it evaluates the model at 2d+1 points around the mean (d = the number of parameters; these are the sigma points) and updates the component with a Kalman step, the same update that weather forecasting uses. ' +
        'So an iteration costs K·(2d+1) model evaluations, all independent (they run in parallel), and a run of N iterations costs K·(2d+1)·N. The run-setup screen shows this budget before you start.',
    ),
    p('Use GMKI when:'),
    list(
      'one model evaluation is expensive (seconds to hours), so that thousands, not millions, of evaluations are affordable (the paper’s sampling comparisons used 10⁶–10⁷);',
      'you have no gradients of the model (any program, any language);',
      'the posterior may have several modes, e.g. symmetric problems where θ and its mirror image explain the data equally well;',
      'd is moderate (1 to a few hundred parameters): the cost grows with 2d+1 per component.',
    ),
    p('Be careful when:'),
    list(
      'the posterior is far from a few Gaussians, e.g. a thin curved ring: the Circle example shows GMKI failing there, on purpose;',
      'the model is cheap and you need exact tails: an MCMC sampler is then the reference;',
      'there is no prior ("prior": "none") and the data leave directions unconstrained: components may stretch without bound along them.',
    ),
  ],
};
