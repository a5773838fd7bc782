import { Injectable } from '@nestjs/common';
import { GenerateSql, SQL_FIXTURE } from '../../../src/common/persistence/generate-sql';
import { DatabaseContext } from '../../../src/database/database-context.service';
import { ParticipantEntity } from '../../../src/participants/participant.entity';

/**
 * A tiny repository for the sql:sync test: a query builder, raw SQL, an example that fails as it expects,
 * one that fails unexpectedly, one that expects to fail but does not, and one that needs another actor.
 */
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

  @GenerateSql({
    name: 'a made-up participant',
    params: ['00000000-0000-4000-8000-00000000dead'],
    expectError: true,
  })
  async renameTo(id: string): Promise<void> {
    await this.db.manager.query(`update participants set first_name = 'Renamed' where id = $1`, [id]);
    throw new Error(`participant ${id} not found`);
  }

  @GenerateSql({ params: ['00000000-0000-4000-8000-00000000dead'] })
  async ownerOf(id: string): Promise<string> {
    const rows = (await this.db.manager.query(
      `select owner_organisation_id from participants where id = $1`,
      [id],
    )) as { owner_organisation_id: string }[];
    if (!rows.length) throw new Error(`participant ${id} not found`);
    return rows[0].owner_organisation_id;
  }

  @GenerateSql({ params: [SQL_FIXTURE.participantId], expectError: true })
  async exists(id: string): Promise<boolean> {
    const rows = (await this.db.manager.query(`select 1 from participants where id = $1`, [id])) as unknown[];
    return rows.length > 0;
  }

  @GenerateSql({ name: 'as the DPO', as: 'dpo' }, { name: 'as the coach' })
  async myRoles(): Promise<string[]> {
    const [{ roles }] = (await this.db.manager.query(`select app_roles() as roles`)) as { roles: string[] }[];
    if (!roles.includes('dpo')) throw new Error(`not a DPO: ${roles.join(', ')}`);
    return roles;
  }
}
