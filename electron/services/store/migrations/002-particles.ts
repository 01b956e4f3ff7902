/**
 * Schema 2: iterations of particle methods (eki, eks, smc; core/methods). Their ensemble and the
 * numbers a method needs to continue (resume, extend) join the Gaussian summary that every
 * iteration keeps in the columns of schema 1, so every screen that reads mixtures still works.
 * All four columns are NULL for GMKI and UKI rows and for every row written before this schema.
 */
import type { Migration } from './types';

// ADD COLUMN appends, so the new BLOBs stay after the small columns (README: arrays last).
const SQL = `
ALTER TABLE iterations ADD COLUMN n_particles INTEGER CHECK (n_particles IS NULL OR n_particles >= 1);
-- little-endian Float64: J×d positions in u, row-major
ALTER TABLE iterations ADD COLUMN particles BLOB
  CHECK ((particles IS NULL) = (n_particles IS NULL) AND (particles IS NULL OR length(particles) = 8 * n_particles * n_theta));
-- J normalised log-weights (NULL: equal weights) and J log-likelihoods (NULL: the method has none)
ALTER TABLE iterations ADD COLUMN particle_log_weights BLOB
  CHECK (particle_log_weights IS NULL OR length(particle_log_weights) = 8 * n_particles);
ALTER TABLE iterations ADD COLUMN particle_log_likelihoods BLOB
  CHECK (particle_log_likelihoods IS NULL OR length(particle_log_likelihoods) = 8 * n_particles);
-- Float64 numbers whose layout the method defines (core/methods/*), e.g. smc's temperature
ALTER TABLE iterations ADD COLUMN method_state BLOB CHECK (method_state IS NULL OR length(method_state) % 8 = 0);
`;

export const migration002: Migration = {
  version: 2,
  name: 'particles of particle methods',
  up(db) {
    db.exec(SQL);
  },
};
