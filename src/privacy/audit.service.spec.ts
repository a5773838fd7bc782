import { toStoredEntry } from './audit.service';

const participantId = '7d1f0e0c-4a4b-4f7e-9d7a-1b2c3d4e5f60';

describe('toStoredEntry', () => {
  it('seals the personal keys of a participant event and leaves ids, codes and flags readable', () => {
    const stored = toStoredEntry({
      action: 'update',
      resourceType: 'participant',
      resourceId: participantId,
      participantId,
      scope: 'full',
      reason: 'Intake form misread',
      details: {
        changes: { phone: { from: '+32 470 00 00 00', to: '0470 11 22 33' } },
        profileCorrection: true,
      },
    });
    expect(stored).toEqual({
      action: 'update',
      resource_type: 'participant',
      resource_id: participantId,
      participant_id: participantId,
      scope: 'full',
      reason: null,
      details: { profileCorrection: true },
      secret: {
        reason: 'Intake form misread',
        details: { changes: { phone: { from: '+32 470 00 00 00', to: '0470 11 22 33' } } },
      },
    });
  });

  it('keeps a reason that is a code, and an event without personal keys, entirely in clear', () => {
    const stored = toStoredEntry({
      action: 'revoke',
      resourceType: 'consent',
      participantId,
      reason: 'consent_withdrawn',
      details: { trajectoryId: 'x', count: 2 },
    });
    expect(stored).not.toHaveProperty('secret');
    expect(stored).toMatchObject({ reason: 'consent_withdrawn', details: { trajectoryId: 'x', count: 2 } });
  });

  it('seals nothing for an event that names no participant: there is no key to destroy', () => {
    const stored = toStoredEntry({
      action: 'read',
      resourceType: 'audit_events',
      reason: 'Free text without participant',
      details: { changes: { a: 1 } },
    });
    expect(stored).not.toHaveProperty('secret');
    expect(stored).toMatchObject({ reason: 'Free text without participant', details: { changes: { a: 1 } } });
  });
});
