import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { QuarterQuery } from '../reports/dto/report-query.dto';
import { localMidnight, quarterBounds } from '../reports/period';
import { CreateSignalDto, SignalReportResponse, SignalResponse, toSignalResponse } from './dto/signal.dto';
import { SignalEntity } from './learning.entity';
import { signalPersonalData } from './learning.errors';
import { containsInsz, nameSearchText, redactNames, SIGNAL_CATEGORIES, SignalCategory } from './signal-text';

/** A participant's first and last name (normalised, as participants.name_key holds them) in either order in $1. */
const NAMED_IN = `p.pseudonymised_at is null
  and (position(' ' || split_part(p.name_key, '|', 1) || ' ' || split_part(p.name_key, '|', 2) || ' ' in $1) > 0
    or position(' ' || split_part(p.name_key, '|', 2) || ' ' || split_part(p.name_key, '|', 1) || ' ' in $1) > 0)`;

@Injectable()
export class SignalsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly audit: AuditService,
  ) {}

  /**
   * Records a signal. It must not identify anyone:
   * - an INSZ (valid check digits, with or without separators) is refused with 400. That reveals nothing:
   *   the check is arithmetic.
   * - the first and last name of a participant the author can see (RLS: a live grant of any scope) is
   *   refused with 400. That reveals nothing either: the author may see that person anyway.
   * - the name of any other participant of the partnership is NOT refused: a refusal would tell the
   *   author that someone of that name is known in the partnership, perhaps as a CAW client under
   *   professional secrecy. The name is replaced by "[naam]" in the stored text instead, silently: the
   *   response never echoes the text, and the author cannot read signals back through the API, so
   *   storing and answering look the same whether or not the name was known.
   * Single names (a first name alone) are left: too common to tell a person from a word.
   */
  async create(dto: CreateSignalDto): Promise<SignalResponse> {
    const actor = this.db.actor;
    if (containsInsz(dto.text)) throw signalPersonalData('insz');
    const search = nameSearchText(dto.text);
    const visible: unknown[] = await this.db.manager.query(
      `select 1 from participants p where ${NAMED_IN} limit 1`,
      [search],
    );
    if (visible.length) throw signalPersonalData('name');
    const hidden: { a: string; b: string }[] = await this.db.manager.query(
      'select a, b from app_signal_names_in($1)',
      [search],
    );
    const repo = this.db.manager.getRepository(SignalEntity);
    const saved = await repo.save(
      repo.create({
        partnershipId: actor.partnershipId,
        category: dto.category,
        text: hidden.length ? redactNames(dto.text, hidden) : dto.text,
        authorId: actor.staffId,
        authorOrganisationId: actor.organisationId,
        createdAt: this.db.now,
      }),
    );
    return toSignalResponse(saved);
  }

  /** The coordinator's list for the steering group: counts per category and the texts of the quarter. */
  async report(q: QuarterQuery): Promise<SignalReportResponse> {
    const { from, to, next } = quarterBounds(q.year, q.quarter);
    const rows: {
      id: string;
      category: SignalCategory;
      text: string;
      organisation: string;
      created_at: Date;
    }[] = await this.db.manager.query(
      `select s.id, s.category, s.text, o.name as organisation, s.created_at
           from signals s join organisations o on o.id = s.author_organisation_id
          where s.partnership_id = app_tenant() and s.created_at >= ${localMidnight('$1')} and s.created_at < ${localMidnight('$2')}
          order by s.category, s.created_at, s.id`,
      [from, next],
    );
    await this.audit.record({
      action: 'read',
      resourceType: 'report.signals',
      details: { year: q.year, quarter: q.quarter },
    });
    return {
      year: q.year,
      quarter: q.quarter,
      period: { from, to },
      definition:
        "Signals of structural barriers that coaches recorded in the quarter (Brussels time), per category, with their texts. Signals hold no personal data: national numbers and the names of participants the coach can see are refused; other participants' names are replaced by [naam].",
      byCategory: Object.fromEntries(
        SIGNAL_CATEGORIES.map((c) => [c, rows.filter((r) => r.category === c).length]),
      ) as Record<SignalCategory, number>,
      total: rows.length,
      items: rows.map((r) => ({
        id: r.id,
        category: r.category,
        text: r.text,
        organisation: r.organisation,
        recordedAt: new Date(r.created_at).toISOString(),
      })),
    };
  }
}
