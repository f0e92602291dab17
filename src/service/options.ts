/**
 * The extract options of a job from the form fields of POST /v1/extract (all text): known names
 * only, values checked by JobOptionsSchema, and options at their default dropped, so that the same
 * bytes sent with `ocr=auto` or without it are the same job (jobId).
 */
import { JobOptionsSchema } from '../model/service.ts';
import type { JobOptions } from './queue.ts';

/** A form field the service does not know, or a bad value (HTTP 400). */
export class OptionError extends Error {}

/** The form field names besides `file`. */
export const OPTION_FIELDS = ['ocr', 'ocrEngine', 'dpi', 'password', 'report'] as const;

/** Each option's default: given explicitly, it is dropped from the job's options. */
const DEFAULTS: Partial<Record<keyof JobOptions, unknown>> = { ocr: 'auto', ocrEngine: 'ppocr', dpi: 300, report: false };

const TRUE = new Set(['true', '1', 'on', 'yes']);
const FALSE = new Set(['false', '0', 'off', 'no']);

/** Form fields → job options; throws OptionError naming the first unknown field or bad value. */
export function parseJobOptions(fields: ReadonlyMap<string, string>): JobOptions {
  const raw: Record<string, unknown> = {};
  for (const [name, value] of fields) {
    if (!(OPTION_FIELDS as readonly string[]).includes(name)) {
      throw new OptionError(`unknown form field '${name}' (known: file, ${OPTION_FIELDS.join(', ')})`);
    }
    if (name === 'dpi') raw[name] = /^\d+$/.test(value.trim()) ? Number(value) : value;
    else if (name === 'report') raw[name] = TRUE.has(value.toLowerCase()) ? true : FALSE.has(value.toLowerCase()) ? false : value;
    else raw[name] = value;
  }
  const r = JobOptionsSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new OptionError(`form field '${issue.path.join('.')}': ${issue.message}`);
  }
  const options: JobOptions = {};
  for (const [k, v] of Object.entries(r.data) as [keyof JobOptions, never][]) {
    if (v !== undefined && DEFAULTS[k] !== v) options[k] = v;
  }
  return options;
}
