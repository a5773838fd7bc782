import { ApiProperty } from '@nestjs/swagger';
import { COUNT } from '../../common/http/api-responses';
import { ContactEntity } from '../contact.entity';
import { CONTACT_KINDS, CONTACT_PLACES, ContactKind, ContactPlace } from '../contact-kinds';

export class ContactResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) trajectoryId!: string;
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: CONTACT_KINDS }) kind!: ContactKind;
  @ApiProperty(COUNT) durationMinutes!: number;
  @ApiProperty({ format: 'uuid' }) staffId!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ format: 'uuid' }) authorOrganisationId!: string;
  @ApiProperty({ type: String, nullable: true }) summary!: string | null;
  @ApiProperty({ enum: CONTACT_PLACES, nullable: true }) place!: ContactPlace | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) location!: string | null;
  @ApiProperty() interpreter!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 639-1 or 639-3' })
  interpreterLanguage!: string | null;
  @ApiProperty() confidential!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty(COUNT) version!: number;
}

export class ContactIntensityMonth {
  @ApiProperty({ example: '2025-01', description: 'YYYY-MM, Brussels time' }) month!: string;
  @ApiProperty(COUNT) contacts!: number;
  @ApiProperty(COUNT) minutes!: number;
}

export class ContactIntensityTotals {
  @ApiProperty(COUNT) contacts!: number;
  @ApiProperty(COUNT) minutes!: number;
}

export class ContactIntensity {
  @ApiProperty({ type: [ContactIntensityMonth] }) months!: ContactIntensityMonth[];
  @ApiProperty({ type: ContactIntensityTotals }) totals!: ContactIntensityTotals;
}

/** A page of contact moments, with contacts and minutes per month over the whole filter. */
export class ContactPageResponse {
  @ApiProperty({ type: [ContactResponse] }) items!: ContactResponse[];
  @ApiProperty(COUNT) total!: number;
  @ApiProperty(COUNT) page!: number;
  @ApiProperty(COUNT) limit!: number;
  @ApiProperty({ type: ContactIntensity }) intensity!: ContactIntensity;
}

/** That a confidential note exists, who wrote it and when. */
export class ConfidentialContactResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ format: 'uuid' }) authorOrganisationId!: string;
  @ApiProperty({ enum: CONTACT_KINDS }) kind!: string;
}

export class ConfidentialContactIndexResponse {
  @ApiProperty({ format: 'uuid' }) participantId!: string;
  @ApiProperty({ type: [ConfidentialContactResponse] }) items!: ConfidentialContactResponse[];
  @ApiProperty(COUNT) total!: number;
}

export function toContactResponse(c: ContactEntity): ContactResponse {
  return {
    id: c.id,
    trajectoryId: c.trajectoryId,
    participantId: c.participantId,
    at: c.at.toISOString(),
    kind: c.kind,
    durationMinutes: c.durationMinutes,
    staffId: c.staffId,
    authorId: c.authorId,
    authorOrganisationId: c.authorOrganisationId,
    summary: c.summary,
    place: c.place,
    location: c.location,
    interpreter: c.interpreter,
    interpreterLanguage: c.interpreterLanguage,
    confidential: c.confidential,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    version: c.version,
  };
}

export interface IntensityRow {
  month: string | null;
  contacts: number;
  minutes: number;
}

/** Contacts and minutes per month (YYYY-MM, Brussels time), and the totals over the whole filter. */
export function toIntensity(rows: IntensityRow[]) {
  const total = rows.find((r) => r.month === null);
  return {
    months: rows
      .filter((r) => r.month !== null)
      .map((r) => ({ month: r.month, contacts: r.contacts, minutes: r.minutes })),
    totals: { contacts: total?.contacts ?? 0, minutes: total?.minutes ?? 0 },
  };
}

export interface ConfidentialContactRow {
  id: string;
  at: Date;
  author_id: string;
  author_organisation_id: string;
  kind: string;
}

/** That a confidential note exists, who wrote it and when: never what it says. */
export function toConfidentialContactResponse(r: ConfidentialContactRow) {
  return {
    id: r.id,
    at: r.at.toISOString(),
    authorId: r.author_id,
    authorOrganisationId: r.author_organisation_id,
    kind: r.kind,
  };
}
