/**
 * The HTTP side of `gongwen serve` (issue #14): the one module that imports Fastify and
 * @fastify/multipart. Fastify because it validates and serialises JSON routes fast with little
 * code, closes cleanly (app.close() waits for open requests), and has a maintained multipart
 * plugin (busboy) that streams an upload to disk with a size limit instead of buffering it.
 *
 * Routes: POST /v1/extract, GET /v1/jobs, GET|DELETE /v1/jobs/{id}, GET /v1/jobs/{id}/files/{path},
 * GET /v1/jobs/{id}/archive, GET /healthz, GET /openapi.json. Every error answer is
 * `{error: '<one line>'}`. With an API key, every route but /healthz needs `Authorization: Bearer <key>`.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { oneLine } from '../../runtime/errors.ts';
import { VERSION } from '../../version.ts';
import { JobListQuerySchema } from '../../model/service.ts';
import { checkHeader, PdfInputError } from '../../read/errors.ts';
import { jobId, type JobQueue, type JobSpec } from '../queue.ts';
import { JobStore, JOB_ID, uploadName } from '../store.ts';
import { openApiDocument } from '../openapi.ts';
import { zipStream } from '../archive.ts';
import { bearerMatches } from '../auth.ts';
import { OptionError, parseJobOptions } from '../options.ts';

/** What the server is built with. */
export interface ServerOptions {
  queue: JobQueue;
  /** the data folder the queue's jobs live in */
  dataDir: string;
  /** name of the queue for /healthz ('memory', 'redis://…') */
  queueName: string;
  /** largest upload accepted, bytes */
  maxUploadBytes: number;
  /** the API key (GONGWEN_API_KEY); undefined: no authentication */
  apiKey?: string;
}

/** Content types of the output files, by extension. */
const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** A request that is answered with an error status and one line. */
class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function links(id: string): { self: string; files: string; archive: string } {
  return { self: `/v1/jobs/${id}`, files: `/v1/jobs/${id}/files/`, archive: `/v1/jobs/${id}/archive` };
}

/** The Fastify app, routes registered, not listening yet. */
export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const store = new JobStore(o.dataDir);
  const app = Fastify({ logger: false });
  await app.register(multipart, { throwFileSizeLimit: false });

  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
    const status = err instanceof HttpError ? err.status : err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    void reply.code(status).send({ error: status === 500 ? `internal error: ${oneLine(err)}` : oneLine(err) });
  });
  app.setNotFoundHandler((req, reply) => void reply.code(404).send({ error: `no route ${req.method} ${req.url.split('?')[0]}` }));

  if (o.apiKey !== undefined) {
    const key = o.apiKey;
    app.addHook('onRequest', async (req, reply) => {
      if (req.url === '/healthz' || req.url.startsWith('/healthz?')) return;
      if (!bearerMatches(req.headers.authorization, key)) {
        void reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'missing or wrong API key (Authorization: Bearer <key>)' });
        return reply;
      }
    });
  }

  app.get('/healthz', async () => ({ ok: true, version: VERSION, queue: o.queueName }));
  const openapi = openApiDocument(o.apiKey !== undefined);
  app.get('/openapi.json', async () => openapi);

  app.post('/v1/extract', async (req, reply) => {
    const { upload, fields } = await receiveUpload(req, store, o.maxUploadBytes);
    try {
      const options = parseJobOptions(fields);
      try {
        checkHeader(upload.head);
      } catch (err) {
        if (err instanceof PdfInputError) throw new HttpError(422, `${upload.name}: ${err.reason}`);
        throw err;
      }
      const id = jobId(upload.sha256, options);
      const existing = await o.queue.get(id);
      if (existing) {
        await rm(upload.tmp, { force: true });
        return reply.code(200).send({ id, status: existing.status, links: links(id) });
      }
      const spec: JobSpec = { id, name: upload.name, sha256: upload.sha256, options, createdAt: new Date().toISOString() };
      await store.adopt(upload.tmp, spec);
      const state = await o.queue.add(spec);
      return reply.code(202).send({ id, status: state.status, links: links(id) });
    } catch (err) {
      await rm(upload.tmp, { force: true });
      if (err instanceof OptionError) throw new HttpError(400, err.message);
      throw err;
    }
  });

  app.get('/v1/jobs', async (req) => {
    const q = JobListQuerySchema.safeParse(req.query);
    if (!q.success) throw new HttpError(400, `bad query: ${q.error.issues.map((i) => `${i.path.join('.') || String((i as { keys?: string[] }).keys ?? '')}: ${i.message}`).join('; ')}`);
    const { jobs, total } = await o.queue.list(q.data);
    return { jobs, total, offset: q.data.offset, limit: q.data.limit };
  });

  app.get<{ Params: { id: string } }>('/v1/jobs/:id', async (req) => stateOr404(o.queue, req.params.id));

  app.delete<{ Params: { id: string } }>('/v1/jobs/:id', async (req, reply) => {
    if (!JOB_ID.test(req.params.id) || !(await o.queue.remove(req.params.id))) throw new HttpError(404, `no job '${req.params.id}'`);
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string; '*': string } }>('/v1/jobs/:id/files/*', async (req, reply) => {
    const state = await stateOr404(o.queue, req.params.id);
    const rel = req.params['*'];
    if (state.status !== 'done') throw new HttpError(409, `job ${state.id} is ${state.status}${state.error ? `: ${state.error}` : ''}`);
    const file = state.outputs.includes(rel) ? await store.outputPath(req.params.id, rel) : null;
    if (!file) throw new HttpError(404, `no file '${rel}' in job ${req.params.id}`);
    const ext = rel.slice(rel.lastIndexOf('.') + 1).toLowerCase();
    return reply
      .header('content-type', CONTENT_TYPES[ext] ?? 'application/octet-stream')
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(file));
  });

  app.get<{ Params: { id: string } }>('/v1/jobs/:id/archive', async (req, reply) => {
    const state = await stateOr404(o.queue, req.params.id);
    if (state.status !== 'done') throw new HttpError(409, `job ${state.id} is ${state.status}${state.error ? `: ${state.error}` : ''}`);
    const entries = [];
    for (const name of await store.outputs(state.id)) {
      const path = await store.outputPath(state.id, name);
      if (path) entries.push({ name, path });
    }
    const stem = state.name.replace(/\.pdf$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'job';
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="${state.id}.zip"; filename*=UTF-8''${encodeURIComponent(`${stem}-${state.id}.zip`)}`)
      .send(zipStream(entries));
  });

  return app;
}

async function stateOr404(queue: JobQueue, id: string) {
  const state = JOB_ID.test(id) ? await queue.get(id) : undefined;
  if (!state) throw new HttpError(404, `no job '${id}'`);
  return state;
}

/** An upload streamed to <data>/uploads/, with the form's other fields. */
interface Upload {
  tmp: string;
  name: string;
  sha256: string;
  bytes: number;
  head: Buffer;
}

/**
 * Reads the multipart form: the one `file` part is streamed to disk (hashed on the way), the other
 * parts are text fields. 400 without a file or with a second one, 413 over `maxBytes`.
 */
async function receiveUpload(req: FastifyRequest, store: JobStore, maxBytes: number): Promise<{ upload: Upload; fields: Map<string, string> }> {
  if (!req.isMultipart()) throw new HttpError(400, "expects multipart/form-data with the PDF in a field 'file'");
  const fields = new Map<string, string>();
  let upload: Upload | null = null;
  let tooLarge = false;
  const discard = async () => {
    if (upload) await rm(upload.tmp, { force: true });
  };
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, fieldSize: 64 * 1024, fields: 32, files: 4 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || upload) {
          part.file.resume();
          fields.set(part.fieldname, '');
          if (part.fieldname === 'file') throw new HttpError(400, "one file per request: the form has more than one 'file'");
          continue;
        }
        const r = await store.receive(part.file);
        upload = { ...r, name: uploadName(part.filename) };
        if (part.file.truncated) tooLarge = true;
      } else {
        fields.set(part.fieldname, String(part.value));
      }
    }
  } catch (err) {
    await discard();
    const e = err as { statusCode?: number; code?: string };
    if (err instanceof HttpError) throw err;
    if (e.code === 'FST_FILES_LIMIT' || e.code === 'FST_FIELDS_LIMIT' || e.code === 'FST_PARTS_LIMIT') throw new HttpError(400, oneLine(err));
    throw err;
  }
  if (tooLarge) {
    await discard();
    throw new HttpError(413, `upload over the limit of ${maxBytes} bytes (--max-upload)`);
  }
  if (!upload) throw new HttpError(400, "no file: send the PDF in a form field 'file'");
  return { upload, fields };
}

/** Starts listening; resolves to the URL clients use. */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<string> {
  await app.listen({ host, port });
  const addr = app.server.address();
  const bound = typeof addr === 'object' && addr ? addr.port : port;
  const h = host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${bound}`;
}

export type { FastifyInstance, FastifyReply };
