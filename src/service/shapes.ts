/**
 * Compile-time agreement of the service contract (src/service/queue.ts, plain interfaces shared with
 * the Redis queue) and its zod schemas (src/model/service.ts, the source of validation and of
 * /openapi.json): `npx tsc --noEmit` fails when one changes without the other.
 */
import type { JobOptionsInput, JobStateShape } from '../model/service.ts';
import type { JobOptions, JobState } from './queue.ts';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const JOB_STATE_AGREES: Same<JobStateShape, JobState> = true;
export const JOB_OPTIONS_AGREE: Same<JobOptionsInput, JobOptions> = true;
