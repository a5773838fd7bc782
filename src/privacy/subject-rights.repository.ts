import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { InszProtector } from '../participants/insz-protector';
import { readCaseFile } from './subject-export';

export type PseudonymiseResult = 'ok' | 'not_found' | 'open_trajectory' | 'already';

export type CaseFile = NonNullable<Awaited<ReturnType<typeof readCaseFile>>>;

const PARTICIPANT_ID = F.participantId;

/**
 * The participant's rights: pseudonymisation (a definer function that erases and blanks in one go) and
 * the export, whose many reads live in subject-export.ts (its query module: plain SQL over every table
 * that holds the participant, so it does not depend on the services that write them).
 */
@Injectable()
export class SubjectRightsRepository {
  constructor(private readonly db: DatabaseContext) {}

  @GenerateSql({ params: [PARTICIPANT_ID], as: 'dpo' })
  async pseudonymise(
    participantId: string,
  ): Promise<{ result: PseudonymiseResult; pseudonym: string | null }> {
    const [row]: { result: PseudonymiseResult; pseudonym: string | null }[] = await this.db.manager.query(
      'select result, pseudonym from app_pseudonymise_participant($1)',
      [participantId],
    );
    return row;
  }

  /**
   * Everything held about the participant, or null if they are not visible: as the tenant reader for
   * the DPO, with the app role's RLS otherwise. The example reads the fixture participant, who has no
   * INSZ: a stand-in protector does for the real one.
   */
  @GenerateSql({
    params: [
      PARTICIPANT_ID,
      { asTenantReader: false, specialCategories: false, insz: { decrypt: (): null => null } },
    ],
  })
  caseFile(
    participantId: string,
    opts: { asTenantReader: boolean; specialCategories: boolean; insz: InszProtector },
  ): Promise<CaseFile | null> {
    const read = (m: Parameters<typeof readCaseFile>[0]) =>
      readCaseFile(m, participantId, { specialCategories: opts.specialCategories, insz: opts.insz });
    return opts.asTenantReader ? this.db.asTenantReader(read) : read(this.db.manager);
  }
}
