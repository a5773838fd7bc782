import { Injectable } from '@nestjs/common';
import { PartnershipEntity } from './partnership.entity';
import { PartnershipsRepository } from './partnerships.repository';

/** A partnership as other modules read it (through this service, never the table). */
export type Partnership = PartnershipEntity;

@Injectable()
export class PartnershipsService {
  constructor(private readonly partnerships: PartnershipsRepository) {}

  /** For other modules: the caller's partnership by id, or null when it is not visible. */
  find(id: string): Promise<Partnership | null> {
    return this.partnerships.find(id);
  }
}
