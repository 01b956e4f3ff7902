/**
 * Where `{ "type": "prior" }` initialization puts a variant's K initial means: K points with
 * standard-normal marginals, which core/inversion/initialization.ts maps through the prior. Each
 * variant chooses its own (variants.ts): iid draws for the paper's method (`gmki-algorithm.md` §2),
 * a Latin hypercube for gmki-robust (robust/initialization.ts).
 */
import type { RandomStream } from '../random/random';

/** K×d (row-major) points with standard-normal marginals, drawn from `random`. */
export type InitialNormals = (nComponents: number, nTheta: number, random: RandomStream) => Float64Array;

/** The paper's initial means: iid standard normals. */
export const iidNormals: InitialNormals = (nComponents, nTheta, random) => random.fillNormal(new Float64Array(nComponents * nTheta));
