import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE } from '../../../src/common/persistence/generate-sql';
import { DatabaseContext } from '../../../src/database/database-context.service';
import { ParticipantEntity } from '../../../src/participants/participant.entity';

/** A tiny repository for the sql:sync test: a query builder, raw SQL, and an example that fails. */
@Injectable()
export class FixtureRepository {
  constructor(private readonly db: DatabaseContext) {}

  @GenerateSql({ name: 'the fixture participant', params: [SQL_FIXTURE.participantId] })
  async firstName(id: string): Promise<string | undefined> {
    const row = await this.db.manager
      .getRepository(ParticipantEntity)
      .createQueryBuilder('p')
      .select(['p.id', 'p.firstName'])
      .where('p.id = :id', { id })
      .getOne();
    return row?.firstName;
  }

  @GenerateSql()
  async openTrajectories(): Promise<number> {
    const [{ n }] = (await this.db.manager.query(
      `select count(*)::int as n from trajectories where status <> 'afgesloten'`,
    )) as { n: number }[];
    return n;
  }

  @GenerateSql({ name: 'a made-up participant', params: ['00000000-0000-4000-8000-00000000dead'] })
  async renameTo(id: string): Promise<void> {
    await this.db.manager.query(`update participants set first_name = 'Renamed' where id = $1`, [id]);
    throw new Error(`participant ${id} not found`);
  }
}
