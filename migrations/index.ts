import { Foundation1795300000000 } from './1795300000000-Foundation';
import { Instruments1795300200000 } from './1795300200000-Instruments';

/** Every migration, in order. Listed explicitly so that jest, ts and the built JS load the same set. */
export const MIGRATIONS = [Foundation1795300000000, Instruments1795300200000];
