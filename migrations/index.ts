import { Foundation1795300000000 } from './1795300000000-Foundation';
import { CaseFile1795300100000 } from './1795300100000-CaseFile';
import { TenantReader1795300150000 } from './1795300150000-TenantReader';
import { Reports1795300400000 } from './1795300400000-Reports';

/** Every migration, in order. Listed explicitly so that jest, ts and the built JS load the same set. */
export const MIGRATIONS = [Foundation1795300000000, CaseFile1795300100000, TenantReader1795300150000, Reports1795300400000];
