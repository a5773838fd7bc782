import { Foundation1795300000000 } from './1795300000000-Foundation';
import { CaseFile1795300100000 } from './1795300100000-CaseFile';
import { TenantReader1795300150000 } from './1795300150000-TenantReader';
import { Casework1795300160000 } from './1795300160000-Casework';
import { Instruments1795300200000 } from './1795300200000-Instruments';
import { Assessments1795300250000 } from './1795300250000-Assessments';

/** Every migration, in order. Listed explicitly so that jest, ts and the built JS load the same set. */
export const MIGRATIONS = [
  Foundation1795300000000,
  CaseFile1795300100000,
  TenantReader1795300150000,
  Casework1795300160000,
  Instruments1795300200000,
  Assessments1795300250000,
];
