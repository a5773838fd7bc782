import { ApiExtension } from '@nestjs/swagger';

/** Where @ApiProblems leaves its codes on an operation until completeContract() turns them into responses. */
export const PROBLEM_CODES_EXTENSION = 'x-problem-codes';

/** Status → codes, e.g. `{ 409: ['PARTICIPANT_DUPLICATE'], 400: ['INSZ_INVALID'] }`. */
export type ProblemCodes = Partial<Record<number, string[]>>;

/**
 * States the business-rule problems a route can answer with, by status and code (the codes in the
 * feature's *.errors.ts). The problems every route shares (validation, authentication, permission,
 * not found, If-Match, rate limit, server) are added by rule in completeContract(), so a route lists
 * only its own.
 */
export const ApiProblems = (codes: ProblemCodes) => ApiExtension(PROBLEM_CODES_EXTENSION, codes);
