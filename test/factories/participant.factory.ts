import { TestPartnership, StaffKey } from './partnership.factory';
import { TestApp } from '../harness/test-app';
import { as } from '../support/api';

let n = 0;

/** A valid participant body; each call gets a different synthetic name so duplicate checks stay quiet. */
export function participantBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  n += 1;
  return {
    firstName: `Testvoornaam${n}`,
    lastName: `Testachternaam${n}`,
    birthDate: '1990-05-17',
    gender: 'female',
    referralChannel: 'outreach',
    phone: '+32 470 00 00 00',
    labourStatus: 'unemployed',
    educationLevel: 'isced_0_2',
    contactLanguage: 'nl',
    ...overrides,
  };
}

export async function createParticipant(
  t: TestApp,
  p: TestPartnership,
  who: StaffKey = 'coach',
  overrides: Record<string, unknown> = {},
) {
  const res = await as(t, p.auth(who)).post('/participants', participantBody(overrides));
  if (res.status !== 201)
    throw new Error(`participant create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number } & Record<string, unknown>;
}

export async function startTrajectory(
  t: TestApp,
  p: TestPartnership,
  participantId: string,
  who: StaffKey = 'coach',
  body: Record<string, unknown> = {},
) {
  const res = await as(t, p.auth(who)).post(`/participants/${participantId}/trajectories`, body);
  if (res.status !== 201)
    throw new Error(`trajectory create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; version: number; status: string } & Record<string, unknown>;
}
