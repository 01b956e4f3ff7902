/** Name and version recorded in every result (the reproducibility record, product.md #10). */
import packageJson from '../../../package.json' with { type: 'json' };
import type { SoftwareInfo } from './mixture-json';

export function softwareInfo(): SoftwareInfo {
  return { name: packageJson.name, version: packageJson.version };
}
