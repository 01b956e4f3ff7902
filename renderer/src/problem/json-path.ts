/**
 * Reading and writing the problem file's JSON by path. The draft holds the file as the user wrote
 * it — possibly half-typed and invalid — so every read falls back gracefully and every write
 * creates the objects and arrays on its way (and removes a key when the value is undefined, as
 * optional fields left blank are absent from the file).
 */

export type Key = string | number;
type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** The value at `path`, or undefined where the path does not exist. */
export function getAt(root: unknown, path: readonly Key[]): unknown {
  let node = root;
  for (const key of path) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<Key, unknown>)[key];
  }
  return node;
}

/** Sets (or, with undefined, deletes) the value at `path`, creating containers as needed. */
export function setAt(root: Record<string, unknown>, path: readonly Key[], value: unknown): void {
  let node: Container = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    let next = (node as Record<Key, unknown>)[key];
    if (!isContainer(next)) {
      next = typeof path[i + 1] === 'number' ? [] : {};
      (node as Record<Key, unknown>)[key] = next;
    }
    node = next as Container;
  }
  const last = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(node)) delete (node as Record<Key, unknown>)[last];
  else (node as Record<Key, unknown>)[last] = value;
}

/** An array at `path`, or [] when there is none (read-only fallback: write through setAt). */
export function arrayAt(root: unknown, path: readonly Key[]): unknown[] {
  const value = getAt(root, path);
  return Array.isArray(value) ? value : [];
}

/** A plain copy of the draft for a request (IPC clones structurally; Vue proxies do not clone). */
export function plainCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
