import { Injectable } from '@nestjs/common';
import { GenerateSql } from '../common/persistence/generate-sql';
import { DatabaseContext } from '../database/database-context.service';

/** The one query readiness needs: does the database answer? Outside any tenant, as the probe has no actor. */
@Injectable()
export class HealthRepository {
  constructor(private readonly db: DatabaseContext) {}

  @GenerateSql()
  async ping(): Promise<void> {
    await this.db.runWithoutTenant((m) => m.query('select 1'));
  }
}
