import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstUntraversable } from './postgres-user-paths';

describe('firstUntraversable', () => {
  const root = mkdtempSync(join(tmpdir(), 'jobteam-paths-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('names the closed directory above a path, as root', () => {
    const closed = join(root, 'closed');
    mkdirSync(join(closed, 'inner'), { recursive: true });
    chmodSync(root, 0o755);
    chmodSync(closed, 0o700);
    expect(firstUntraversable([join(closed, 'inner', 'not-yet-created')], true)).toBe(closed);
    chmodSync(closed, 0o711);
    expect(firstUntraversable([join(closed, 'inner', 'not-yet-created')], true)).toBeUndefined();
  });

  it('checks nothing when not root: the server then runs as the caller', () => {
    chmodSync(root, 0o700);
    expect(firstUntraversable([root], false)).toBeUndefined();
    chmodSync(root, 0o755);
  });
});
