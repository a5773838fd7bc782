import { Injectable } from '@nestjs/common';
import { staleVersion } from '../common/http/if-match.decorator';
import { offsetOf, Page, pageOf } from '../common/http/pagination';
import { PgErrorCode, pgErrorCode } from '../common/persistence/pg-error-codes';
import { normaliseKbo } from '../common/validation/kbo';
import { DatabaseContext } from '../database/database-context.service';
import { CreateEmployerDto, EmployerQuery, UpdateEmployerDto } from './dto/employer.dto';
import { EmployerResponse, toEmployerResponse } from './dto/employer.response';
import { EmployerEntity } from './employer.entity';
import { employerKboExists, employerNotFound } from './employers.errors';
import { EmployerSearch, EmployersRepository } from './employers.repository';
import { loadByIds } from '../common/persistence/load-by-ids';

/**
 * The partnership's register of employers and work floors. Partnership data without participants
 * in it: RLS keeps it inside the tenant, the permission (employer.read / employer.write) decides who.
 */
@Injectable()
export class EmployersService {
  constructor(
    private readonly db: DatabaseContext,
    private readonly employers: EmployersRepository,
  ) {}

  /** Search by part of the name (case-insensitive) or by KBO number, typed with or without dots. */
  async list(query: EmployerQuery): Promise<Page<EmployerResponse>> {
    const search: EmployerSearch = {
      kind: query.kind,
      inclusive: query.inclusive,
      offset: offsetOf(query),
      limit: query.limit,
    };
    if (query.q) {
      const kbo = normaliseKbo(query.q);
      search.nameLike = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      if (/^\d{2,10}$/.test(kbo)) search.kboLike = `${kbo}%`;
    }
    const [rows, total] = await this.employers.search(search);
    return pageOf(rows, total, query, toEmployerResponse);
  }

  async get(id: string): Promise<EmployerResponse> {
    return toEmployerResponse(await this.find(id));
  }

  /** For other modules (placements): the employer, or null when it is not in the caller's register. */
  async findVisible(id: string): Promise<{ id: string; name: string } | null> {
    const e = await this.employers.find(id);
    return e ? { id: e.id, name: e.name } : null;
  }

  /** Names for a set of ids, for responses that refer to employers. */
  async names(ids: string[]): Promise<Map<string, string>> {
    const rows = await loadByIds(ids, (unique) => this.employers.namesOf(unique));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async create(dto: CreateEmployerDto): Promise<EmployerResponse> {
    const kboNumber = dto.kboNumber ? normaliseKbo(dto.kboNumber) : null;
    if (kboNumber) await this.assertKboFree(kboNumber);
    const values: Partial<EmployerEntity> = {
      partnershipId: this.db.actor.partnershipId,
      name: dto.name,
      kboNumber,
      sector: dto.sector ?? null,
      kind: dto.kind,
      inclusive: dto.inclusive,
      contactName: dto.contactName ?? null,
      contactPhone: dto.contactPhone ?? null,
      contactEmail: dto.contactEmail?.toLowerCase() ?? null,
      createdBy: this.db.actor.staffId,
      version: 1,
    };
    return toEmployerResponse(await this.saveUnique(() => this.employers.create(values)));
  }

  /** Optimistic locking: the If-Match version must be the current one (412 otherwise). */
  async update(id: string, version: number, dto: UpdateEmployerDto): Promise<EmployerResponse> {
    const current = await this.find(id);
    const patch: Partial<EmployerEntity> = {
      name: dto.name,
      kboNumber: dto.kboNumber === undefined ? undefined : normaliseKbo(dto.kboNumber),
      sector: dto.sector,
      kind: dto.kind,
      inclusive: dto.inclusive,
      contactName: dto.contactName,
      contactPhone: dto.contactPhone,
      contactEmail: dto.contactEmail?.toLowerCase(),
    };
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length === 0) {
      // Nothing to change: no new version, but a stale If-Match is still a 412.
      if (current.version !== version) throw staleVersion();
      return toEmployerResponse(current);
    }
    if (patch.kboNumber) await this.assertKboFree(patch.kboNumber, id);
    return toEmployerResponse(await this.saveUnique(() => this.employers.updateVersioned(id, version, set)));
  }

  private async find(id: string): Promise<EmployerEntity> {
    const found = await this.employers.find(id);
    if (!found) throw employerNotFound();
    return found;
  }

  private async assertKboFree(kboNumber: string, exceptId?: string): Promise<void> {
    const other = await this.employers.findOtherWithKbo(kboNumber, exceptId);
    if (other) throw employerKboExists(other.id);
  }

  /** Two requests with the same new KBO at once: the unique index decides, and the loser gets the same 409. */
  private async saveUnique<T extends EmployerEntity>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (pgErrorCode(err) === PgErrorCode.uniqueViolation) throw employerKboExists();
      throw err;
    }
  }
}
