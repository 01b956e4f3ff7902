/**
 * File paths typed in a browser, which name files on the machine running `gmki serve` (POSIX or
 * Windows): the server refuses relative ones, so the fields check before sending.
 */

/** `/x`, `C:\x`, `C:/x` or `\\server\share`. */
export function isAbsolutePath(path: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path.trim());
}

/** The folder of a file path, with either separator. */
export function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut <= 0 ? file.slice(0, cut + 1) : file.slice(0, cut);
}
