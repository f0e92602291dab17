/**
 * The request and response shapes of `gongwen serve` (issue #14), in zod: the one source of the
 * service's types, its input validation and its OpenAPI document (/openapi.json, generated with
 * z.toJSONSchema). src/service/queue.ts holds the same shapes as plain interfaces (the contract the
 * memory and Redis queues share); src/service/shapes.ts checks at compile time that both agree.
 */
import { z } from 'zod';

/** The named shapes of the service (components/schemas of the OpenAPI document). */
export const SERVICE_SCHEMAS = z.registry<{ id: string }>();

/** The extract options of a job (the form fields of POST /v1/extract besides `file`). */
export const JobOptionsSchema = z
  .object({
    ocr: z.enum(['auto', 'always', 'never']).optional().describe('when to OCR a page (default auto)'),
    ocrEngine: z.enum(['ppocr', 'tesseract']).optional().describe('OCR engine (default ppocr)'),
    dpi: z.number().int().min(50).max(1200).optional().describe('resolution of pages rendered for OCR, dots per inch (default 300)'),
    password: z.string().min(1).optional().describe('password of an encrypted PDF'),
    report: z.boolean().optional().describe('also write report.html'),
  })
  .strict();

export const JobStatusSchema = z.enum(['queued', 'active', 'done', 'failed']);

/** GET /v1/jobs/{id}. */
export const JobStateSchema = z
  .object({
    id: z.string().describe('content-and-options id, 32 hex characters'),
    status: JobStatusSchema,
    name: z.string().describe("the uploaded file's name"),
    progress: z.object({
      pages: z.number().int().min(0).describe('pages of the PDF, 0 until known'),
      pagesDone: z.number().int().min(0).describe('pages finished so far'),
    }),
    error: z.string().optional().describe('one-line reason of a failure, the words the CLI prints'),
    outputs: z.array(z.string()).describe("output files, paths relative to the job's out/ folder, sorted"),
    createdAt: z.string().describe('ISO 8601'),
    finishedAt: z.string().optional().describe('ISO 8601'),
  });

/** Links of a job, absolute paths on this server. */
export const JobLinksSchema = z
  .object({ self: z.string(), files: z.string(), archive: z.string() });

/** POST /v1/extract: 202 for a new job, 200 for the existing job of the same bytes and options. */
export const JobCreatedSchema = z
  .object({ id: z.string(), status: JobStatusSchema, links: JobLinksSchema });

/** GET /v1/jobs?status=&offset=&limit=. */
export const JobListQuerySchema = z
  .object({
    status: JobStatusSchema.optional(),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(50),
  })
  .strict();

export const JobListSchema = z
  .object({
    jobs: z.array(JobStateSchema),
    total: z.number().int().min(0).describe('jobs matching the filter, all pages'),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1),
  });

/** Every error answer: one line. */
export const ErrorSchema = z.object({ error: z.string().describe('one line') });

export const HealthSchema = z
  .object({ ok: z.boolean(), version: z.string(), queue: z.string() });

for (const [id, schema] of Object.entries({
  JobOptions: JobOptionsSchema,
  JobStatus: JobStatusSchema,
  JobState: JobStateSchema,
  JobLinks: JobLinksSchema,
  JobCreated: JobCreatedSchema,
  JobListQuery: JobListQuerySchema,
  JobList: JobListSchema,
  Error: ErrorSchema,
  Health: HealthSchema,
})) {
  SERVICE_SCHEMAS.add(schema, { id });
}

export type JobOptionsInput = z.infer<typeof JobOptionsSchema>;
export type JobStateShape = z.infer<typeof JobStateSchema>;
