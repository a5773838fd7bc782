import { EntityManager } from 'typeorm';
import { findById } from '../../src/common/persistence/find-by-id';
import { ParticipantEntity } from '../../src/participants/participant.entity';
import { StaffEntity } from '../../src/staff/staff.entity';
import { TrajectoryEntity } from '../../src/trajectories/trajectory.entity';
import { createParticipant, startTrajectory } from '../factories/participant.factory';
import { createPartnership, TestPartnership } from '../factories/partnership.factory';
import { createTestApp, TestApp } from '../harness/test-app';

describe('findById, the cached by-id read', () => {
  let t: TestApp;
  let p: TestPartnership;
  let participantId: string;
  let trajectoryId: string;

  beforeAll(async () => {
    t = await createTestApp();
    p = await createPartnership(t);
    participantId = (await createParticipant(t, p, 'coach', { phone: '+32470000001' })).id;
    trajectoryId = (await startTrajectory(t, p, participantId)).id;
  });
  afterAll(() => t.close());

  const asCoach = <T>(fn: (m: EntityManager) => Promise<T>) =>
    t.db.runAsStaff({ tenantId: p.id, staffId: p.staff.coach.id, requestId: 'find-by-id' }, () =>
      fn(t.db.manager),
    );
  const both = <E extends object>(target: new () => E, id: string) =>
    asCoach(async (m) => {
      const pair = [await m.getRepository(target).findOneBy({ id } as never), await findById(m, target, id)];
      expect(pair[0]).not.toBeNull();
      return pair;
    });

  it('hydrates a participant exactly as findOneBy does: dates, timestamps, nulls and all', async () => {
    const [viaTypeorm, viaCache] = await both(ParticipantEntity, participantId);
    expect(viaCache).toBeInstanceOf(ParticipantEntity);
    expect(viaCache).toEqual(viaTypeorm);
    expect((viaCache as ParticipantEntity).birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((viaCache as ParticipantEntity).createdAt).toBeInstanceOf(Date);
  });

  it('hydrates a trajectory exactly as findOneBy does', async () => {
    const [viaTypeorm, viaCache] = await both(TrajectoryEntity, trajectoryId);
    expect(viaCache).toEqual(viaTypeorm);
  });

  it('applies column transformers and leaves select:false columns out, as findOneBy does', async () => {
    const [viaTypeorm, viaCache] = await both(StaffEntity, p.staff.coach.id);
    expect(viaCache).toEqual(viaTypeorm);
    expect(typeof (viaCache as StaffEntity).fte).toBe('number');
    expect((viaCache as StaffEntity).passwordHash).toBeUndefined();
  });

  it('returns null for an id it cannot see, and RLS still hides other tenants', async () => {
    const other = await createPartnership(t);
    expect(
      await t.db.runInTenant(p.id, (m) =>
        findById(m, ParticipantEntity, '00000000-0000-4000-8000-000000000000'),
      ),
    ).toBeNull();
    expect(
      await t.db.runAsStaff({ tenantId: other.id, staffId: other.staff.coach.id, requestId: 'x' }, () =>
        findById(t.db.manager, ParticipantEntity, participantId),
      ),
    ).toBeNull();
  });
});
