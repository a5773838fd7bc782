import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE as F } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';
import { LifeDomain } from './life-domain';
import { LifeDomainEntity } from './life-domain.entity';

const ID = F.trajectoryId;

/** One domain of the set as it is written. */
export interface LifeDomainValue {
  domain: LifeDomain;
  severity: number;
  note: string | null;
}

/** Who writes a set, when, and for which trajectory of which participant. */
export interface LifeDomainsOwner {
  partnershipId: string;
  trajectoryId: string;
  participantId: string;
  updatedBy: string;
  updatedAt: Date;
}

@Injectable()
export class LifeDomainsRepository {
  constructor(private readonly db: DatabaseContext) {}

  @GenerateSql({ params: [ID] })
  findByTrajectory(trajectoryId: string): Promise<LifeDomainEntity[]> {
    return this.db.manager.getRepository(LifeDomainEntity).findBy({ trajectoryId });
  }

  /**
   * Replaces the set: domains left out go, the others are upserted. A row whose severity and note
   * stay the same keeps its updated_by and updated_at.
   */
  @GenerateSql({
    params: [
      {
        partnershipId: F.partnershipId,
        trajectoryId: F.trajectoryId,
        participantId: F.participantId,
        updatedBy: F.coachId,
        updatedAt: new Date('2026-01-15T10:00:00Z'),
      },
      [{ domain: 'work', severity: 3, note: null }],
    ],
  })
  async replace(owner: LifeDomainsOwner, next: LifeDomainValue[]): Promise<void> {
    const m = this.db.manager;
    await m.query(`delete from life_domains where trajectory_id = $1 and domain <> all($2::text[])`, [
      owner.trajectoryId,
      next.map((d) => d.domain),
    ]);
    await m.query(
      `insert into life_domains (partnership_id, trajectory_id, participant_id, domain, severity, note, updated_by, updated_at)
       select $1, $2, $3, d.domain, d.severity, d.note, $4, $5
         from jsonb_to_recordset($6::jsonb) as d(domain text, severity smallint, note text)
       on conflict (trajectory_id, domain) do update
         set severity = excluded.severity, note = excluded.note, updated_by = excluded.updated_by, updated_at = excluded.updated_at
         where (life_domains.severity, life_domains.note) is distinct from (excluded.severity, excluded.note)`,
      [
        owner.partnershipId,
        owner.trajectoryId,
        owner.participantId,
        owner.updatedBy,
        owner.updatedAt,
        JSON.stringify(next),
      ],
    );
  }
}
