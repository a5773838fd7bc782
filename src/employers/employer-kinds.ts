/** An employer hires; a practice work floor (oefenwerkvloer) is where participants practise work. */
export const EMPLOYER_KINDS = ['employer', 'practice_floor'] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];
