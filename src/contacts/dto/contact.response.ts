import { ContactEntity } from '../contact.entity';

export function toContactResponse(c: ContactEntity) {
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
