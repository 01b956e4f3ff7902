/** Result files of a run (`problem-format.md` §4), shared by the CLI, the app and the exporters. */
export { buildMixtureJson, RESULT_FORMAT } from './mixture-json';
export type { HistoryEntry, MixtureResultInput, MixtureResultJson, SoftwareInfo } from './mixture-json';
export { stringifyJson } from './json-text';
export { buildSamplesCsv, drawPosteriorSamples, posteriorSampleChunks, samplesCsvHeader, samplesCsvRows } from './samples-csv';
export type { FinalIteration, PosteriorSamples } from './samples-csv';
export { writeFileAtomic } from './atomic-write';
export { softwareInfo } from './software';
