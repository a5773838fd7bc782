import { Foundation1795300000000 } from './1795300000000-Foundation';

/** Every migration, in order. Listed explicitly so that jest, ts and the built JS load the same set. */
export const MIGRATIONS = [Foundation1795300000000];
