import { Gender } from '../participants/participant.constants';

export const REFERRAL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];
export const REFERRAL_TARGETS = ['vdab', 'ocmw', 'partnership'] as const;
export type ReferralTarget = (typeof REFERRAL_TARGETS)[number];
export const REFERRAL_KINDS = [
  'intake_check',
  'training',
  'indicering',
  'combination_trajectory',
  'bit_evaluation',
  'rights_exploration',
  'leefloon',
  'twe_art60',
  'other',
] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

/** The person an inbound referral is about, before they are a participant. The INSZ is kept apart, encrypted. */
export interface ReferralPerson {
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: Gender;
  phone: string | null;
}
