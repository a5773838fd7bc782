import { Injectable } from '@nestjs/common';
import { GenerateSql } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';

export interface ParticipantNameRow {
  id: string;
  first_name: string;
  last_name: string;
}

/**
 * The names beside a report's ids. A report repository: it reads the participants table by name in
 * raw SQL and imports no other module's entity. It reads as the caller, never as the tenant
 * reader: RLS is the second wall on the names.
 */
@Injectable()
export class ParticipantNamesRepository {
  constructor(private readonly db: DatabaseContext) {}

  @GenerateSql({ params: [['00000000-0000-4000-8000-000000000001']] })
  namesOf(ids: readonly string[]): Promise<ParticipantNameRow[]> {
    return this.db.manager.query(
      'select id, first_name, last_name from participants where id = any($1::uuid[])',
      [ids],
    );
  }
}
