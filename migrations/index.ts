import { Foundation1795300000000 } from './1795300000000-Foundation';
import { CaseFile1795300100000 } from './1795300100000-CaseFile';
import { TenantReader1795300150000 } from './1795300150000-TenantReader';
import { Casework1795300160000 } from './1795300160000-Casework';
import { SubjectRights1795300170000 } from './1795300170000-SubjectRights';
import { Instruments1795300200000 } from './1795300200000-Instruments';
import { Assessments1795300250000 } from './1795300250000-Assessments';
import { Collaboration1795300300000 } from './1795300300000-Collaboration';
import { Reports1795300400000 } from './1795300400000-Reports';
import { ReportGaps1795300450000 } from './1795300450000-ReportGaps';
import { ParticipantSearch1795300500000 } from './1795300500000-ParticipantSearch';
import { PseudonymiseCaseMeetings1795300550000 } from './1795300550000-PseudonymiseCaseMeetings';
import { PseudonymiseAssessments1795300600000 } from './1795300600000-PseudonymiseAssessments';
import { CaseloadByAssignment1795300650000 } from './1795300650000-CaseloadByAssignment';
import { StaffAdministration1795300700000 } from './1795300700000-StaffAdministration';
import { GrantFunctions1795300710000 } from './1795300710000-GrantFunctions';
import { IdempotencyWithoutBodies1795300720000 } from './1795300720000-IdempotencyWithoutBodies';
import { DuplicateSecrecy1795300721000 } from './1795300721000-DuplicateSecrecy';
import { AuditWall1795300730000 } from './1795300730000-AuditWall';
import { ReportRules1795300740000 } from './1795300740000-ReportRules';
import { ReportSubmissions1795300750000 } from './1795300750000-ReportSubmissions';
import { ParticipantVoice1795300790000 } from './1795300790000-ParticipantVoice';
import { WorkAndEmployers1795300800000 } from './1795300800000-WorkAndEmployers';
import { FieldWork1795300810000 } from './1795300810000-FieldWork';
import { Learning1795300820000 } from './1795300820000-Learning';
import { SeedGrants1795300850000 } from './1795300850000-SeedGrants';

/** Every migration, in order. Listed explicitly so that jest, ts and the built JS load the same set. */
export const MIGRATIONS = [
  Foundation1795300000000,
  CaseFile1795300100000,
  TenantReader1795300150000,
  Casework1795300160000,
  SubjectRights1795300170000,
  Instruments1795300200000,
  Assessments1795300250000,
  Collaboration1795300300000,
  Reports1795300400000,
  ReportGaps1795300450000,
  ParticipantSearch1795300500000,
  PseudonymiseCaseMeetings1795300550000,
  PseudonymiseAssessments1795300600000,
  CaseloadByAssignment1795300650000,
  StaffAdministration1795300700000,
  GrantFunctions1795300710000,
  IdempotencyWithoutBodies1795300720000,
  DuplicateSecrecy1795300721000,
  AuditWall1795300730000,
  ReportRules1795300740000,
  ReportSubmissions1795300750000,
  ParticipantVoice1795300790000,
  WorkAndEmployers1795300800000,
  FieldWork1795300810000,
  Learning1795300820000,
  SeedGrants1795300850000,
];
