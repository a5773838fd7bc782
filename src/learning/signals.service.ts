import { Injectable } from '@nestjs/common';
import { DatabaseContext } from '../database/database-context.service';
import { AuditService } from '../privacy/audit.service';
import { QuarterQuery } from '../reports/dto/report-query.dto';
import { quarterBounds } from '../reports/period';
import { CreateSignalDto, SignalReportResponse, SignalResponse, toSignalResponse } from './dto/signal.dto';
import { signalPersonalData } from './learning.errors';
import { containsInsz, nameSearchText, redactNames, SIGNAL_CATEGORIES, SignalCategory } from './signal-text';
import { SignalsRepository } from './signals.repository';

@Injectable()
export class SignalsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly signals: SignalsRepository,
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
    if (await this.signals.namesVisibleParticipant(search)) throw signalPersonalData('name');
    const hidden = await this.signals.hiddenNamesIn(search);
    const saved = await this.signals.insert({
      partnershipId: actor.partnershipId,
      category: dto.category,
      text: hidden.length ? redactNames(dto.text, hidden) : dto.text,
      authorId: actor.staffId,
      authorOrganisationId: actor.organisationId,
      createdAt: this.db.now,
    });
    return toSignalResponse(saved);
  }

  /** The coordinator's list for the steering group: counts per category and the texts of the quarter. */
  async report(q: QuarterQuery): Promise<SignalReportResponse> {
    const { from, to, next } = quarterBounds(q.year, q.quarter);
    const rows = await this.signals.quarter(from, next);
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
