import { Injectable } from '@nestjs/common';
import { GenerateSql } from '../common/persistence/generate-sql';
import { findById } from '../common/persistence/find-by-id';
import { DatabaseContext } from '../database/database-context.service';
import { PartnershipEntity } from './partnership.entity';

const ID = '00000000-0000-4000-8000-000000000001';

/** Partnerships (tenants); a request sees only its own. */
@Injectable()
export class PartnershipsRepository {
  constructor(private readonly db: DatabaseContext) {}

  @GenerateSql({ params: [ID] })
  find(id: string): Promise<PartnershipEntity | null> {
    return findById(this.db.manager, PartnershipEntity, id);
  }
}
