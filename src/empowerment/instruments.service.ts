import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors/domain-error';
import { offsetOf, Page, pageOf } from '../common/http/pagination';
import { DatabaseContext } from '../database/database-context.service';
import {
  CreateInstrumentDto,
  InstrumentQuery,
  InstrumentResponse,
  LocalisedTextDto,
  toInstrumentResponse,
} from './dto/instrument.dto';
import { DEFAULT_SCHEDULE, DEFAULT_THRESHOLDS, Instrument, validateInstrumentDefinition } from './instrument';
import { InstrumentsRepository } from './instruments.repository';
import { instrumentInvalid } from './instruments.errors';
import { loadByIds } from '../common/persistence/load-by-ids';

const text = (t: LocalisedTextDto) => ({ nl: t.nl, en: t.en });

/**
 * Instruments visible to the caller: the built-ins plus the partnership's own. RLS decides which
 * rows those are; nothing here filters on partnership_id.
 */
@Injectable()
export class InstrumentsService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly instruments: InstrumentsRepository,
  ) {}

  async list(query: InstrumentQuery): Promise<Page<InstrumentResponse>> {
    const [rows, total] = await this.instruments.list(
      { key: query.key, latest: query.latest },
      offsetOf(query),
      query.limit,
    );
    return pageOf(rows, total, query, toInstrumentResponse);
  }

  async get(id: string): Promise<InstrumentResponse> {
    return toInstrumentResponse(await this.find(id));
  }

  /** For AssessmentsService: the exact version an assessment was or will be scored with. 404 if not visible. */
  async find(id: string): Promise<Instrument> {
    const found = await this.instruments.findById(id);
    if (!found) throw notFound('Instrument');
    return found;
  }

  /**
   * For AssessmentsService: the instrument a key stands for, e.g. `?instrument=empowerment`.
   * Without a version, the newest one. Should a built-in and the partnership's own share a
   * version number, the partnership's own wins.
   */
  async resolve(key: string, version?: number): Promise<Instrument> {
    const found = await this.instruments.findByKey(key, version);
    if (!found) throw notFound(version === undefined ? `Instrument ${key}` : `Instrument ${key} v${version}`);
    return found;
  }

  /**
   * Adds an instrument, or the next version of an existing key (a built-in's key too: the
   * partnership then has its own version). There is no update: a version, once created, is final.
   */
  async create(dto: CreateInstrumentDto): Promise<InstrumentResponse> {
    const errors = validateInstrumentDefinition(dto);
    if (errors.length) throw instrumentInvalid(errors);
    const actor = this.db.actor;
    const saved = await this.instruments.insertNextVersion({
      partnershipId: actor.partnershipId,
      key: dto.key,
      name: text(dto.name),
      dimensions: dto.dimensions.map((d) => ({
        key: d.key,
        label: text(d.label),
        ...(d.description ? { description: text(d.description) } : {}),
      })),
      scaleMin: dto.scaleMin,
      scaleMax: dto.scaleMax,
      anchors: dto.anchors?.length
        ? dto.anchors.map((a) => ({
            score: a.score,
            label: text(a.label),
            ...(a.dimension ? { dimension: a.dimension } : {}),
          }))
        : null,
      reviewIntervalMonths: dto.reviewIntervalMonths ?? DEFAULT_SCHEDULE.reviewIntervalMonths,
      baselineDueWeeks: dto.baselineDueWeeks ?? DEFAULT_SCHEDULE.baselineDueWeeks,
      progressThreshold: dto.progressThreshold ?? DEFAULT_THRESHOLDS.progressThreshold,
      regressionThreshold: dto.regressionThreshold ?? DEFAULT_THRESHOLDS.regressionThreshold,
      releaseThreshold: dto.releaseThreshold ?? null,
      createdBy: actor.staffId,
    });
    return toInstrumentResponse(saved);
  }

  /** For AssessmentsService: the exact versions some assessments were scored with, those visible to the caller. */
  findByIds(ids: readonly string[]): Promise<Instrument[]> {
    return loadByIds(ids, (unique) => this.instruments.findByIds(unique));
  }

  /** For assessments: each key's newest schedule (the partnership's own wins a tie), for the overdue list. */
  latestSchedules(): Promise<{ key: string; baselineDueWeeks: number; reviewIntervalMonths: number }[]> {
    return this.instruments.latestSchedules();
  }
}
