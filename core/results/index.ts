/** Results of a run: mixture densities, posterior samples and summaries. */
export type { MixtureDensity } from './density';
export { createMixtureDensity, logMixtureDensity, logMixtureDensities, mixtureDensityOnGrid1d, mixtureDensityOnGrid2d } from './density';
export type { MixtureSamples, ParticleSamples } from './sampling';
export { sampleMixture, sampleParticles, samplesToPhysical } from './sampling';
export type { ComponentSummary, MixtureSummary } from './summary';
export { summarizeMixture } from './summary';
export type { DiagnoseOptions, Finding, FindingKind, RunDiagnostics } from './diagnostics';
export { diagnoseRun } from './diagnostics';
export type { ReferenceDistance } from './reference';
export { componentCentre, referenceDistances } from './reference';
