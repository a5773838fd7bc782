import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { AuditEntry, AuditService } from '../privacy/audit.service';
import { Name } from './export/esf-rows';
import { ParticipantNamesRepository } from './participant-names.repository';

export interface ExplainItem {
  participantId: string;
  pseudonymised: boolean;
  firstName?: string;
  lastName?: string;
}

/**
 * Names for the participants behind a report's rows: only those the caller holds a live grant on
 * (the first wall), read as the caller (RLS, the second). Everyone else stays an id.
 */
@Injectable()
export class ParticipantNamesService {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly names: ParticipantNamesRepository,
  ) {}

  /** Adds names to the items whose participant the caller holds any live grant on; the rest stay ids. */
  async withNames(items: ExplainItem[]): Promise<ExplainItem[]> {
    const scopes = await this.access.scopesFor(items.map((i) => i.participantId));
    const named = items.filter((i) => scopes.has(i.participantId)).map((i) => i.participantId);
    if (named.length === 0) return items;
    const byId = new Map((await this.names.namesOf(named)).map((n) => [n.id, n]));
    return items.map((i) => {
      const n = byId.get(i.participantId);
      return n ? { ...i, firstName: n.first_name, lastName: n.last_name } : i;
    });
  }

  /** The names of those of `ids` the caller may see named, by participant id. */
  async namesOf(ids: readonly string[]): Promise<Map<string, Name>> {
    const items = await this.withNames(ids.map((participantId) => ({ participantId, pseudonymised: false })));
    const out = new Map<string, Name>();
    for (const i of items)
      if (i.firstName !== undefined)
        out.set(i.participantId, { firstName: i.firstName, lastName: i.lastName! });
    return out;
  }

  /**
   * For a list of participants in a report: their names where the caller may see them, and the
   * audit of the read: `read` itself, then a `list` event for every participant shown by name.
   */
  async namedAndAudited(ids: readonly string[], read: AuditEntry): Promise<Map<string, Name>> {
    const names = await this.namesOf(ids);
    await this.audit.record(
      read,
      ...[...names.keys()].map((id) => ({
        action: 'list' as const,
        resourceType: 'participant',
        resourceId: id,
        participantId: id,
      })),
    );
    return names;
  }
}
