/**
 * The OpenAPI 3.1 document of `gongwen serve` (GET /openapi.json). Every request and response
 * shape comes from the zod schemas of src/model/service.ts (z.toJSONSchema, JSON Schema 2020-12,
 * the dialect of OpenAPI 3.1) under components/schemas; only the routes are written here.
 */
import { z } from 'zod';
import { JobListQuerySchema, SERVICE_SCHEMAS } from '../model/service.ts';
import { VERSION } from '../version.ts';

type Json = Record<string, unknown>;

const ref = (id: string): Json => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string): Json => ({ description, content: { 'application/json': { schema: ref(id) } } });
const error = (description: string): Json => json('Error', description);
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{32}$' } };

/** The components/schemas: every named service schema, without the per-document $schema/$id. */
function components(): Record<string, Json> {
  const all = z.toJSONSchema(SERVICE_SCHEMAS, { target: 'draft-2020-12', uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Json> };
  return Object.fromEntries(
    Object.entries(all.schemas).map(([id, s]) => {
      const { $schema: _s, $id: _i, ...rest } = s;
      return [id, rest];
    }),
  );
}

/** The query parameters of GET /v1/jobs, from JobListQuery (as a client sends them). */
function listParameters(): Json[] {
  const schema = z.toJSONSchema(JobListQuerySchema, { target: 'draft-2020-12', io: 'input' }) as { properties: Record<string, Json> };
  return Object.entries(schema.properties).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
}

/** The OpenAPI 3.1 document. `auth`: whether routes other than /healthz need a bearer token. */
export function openApiDocument(auth: boolean): Json {
  const secured = auth ? { security: [{ bearer: [] }] } : {};
  const denied = auth ? { 401: error('missing or wrong API key') } : {};
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: 'gongwen', version: VERSION, description: 'Chinese official notices (公文) in PDF → text, exact tables, typed records and findings, as a job service' },
    paths: {
      '/healthz': { get: { operationId: 'health', summary: 'liveness', responses: { 200: json('Health', 'the server is up') } } },
      '/openapi.json': { get: { operationId: 'openapi', summary: 'this document', ...secured, responses: { 200: { description: 'OpenAPI 3.1' }, ...denied } } },
      '/v1/extract': {
        post: {
          operationId: 'extract',
          summary: 'queue a PDF for extraction; the same bytes with the same options give the existing job',
          ...secured,
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: { allOf: [ref('JobOptions'), { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/pdf' } }, required: ['file'] }] },
              },
            },
          },
          responses: {
            200: json('JobCreated', 'the existing job of these bytes and options (no new work)'),
            202: json('JobCreated', 'queued'),
            400: error('an unknown form field, a bad option value or no file'),
            413: error('the upload is over --max-upload'),
            422: error('not a PDF'),
            ...denied,
          },
        },
      },
      '/v1/jobs': {
        get: { operationId: 'listJobs', summary: 'jobs, oldest first, paged', ...secured, parameters: listParameters(), responses: { 200: json('JobList', 'one page of jobs'), 400: error('a bad query parameter'), ...denied } },
      },
      '/v1/jobs/{id}': {
        get: { operationId: 'getJob', summary: 'state, progress and outputs of a job', ...secured, parameters: [idParam], responses: { 200: json('JobState', 'the job'), 404: error('no such job'), ...denied } },
        delete: { operationId: 'deleteJob', summary: 'remove a job and its files', ...secured, parameters: [idParam], responses: { 204: { description: 'removed' }, 404: error('no such job'), ...denied } },
      },
      '/v1/jobs/{id}/files/{path}': {
        get: {
          operationId: 'getJobFile',
          summary: "one output file (a path of the job's outputs)",
          ...secured,
          parameters: [idParam, { name: 'path', in: 'path', required: true, schema: { type: 'string' }, description: "e.g. tables.json, tables/t1.csv, report.html ('/' kept)" }],
          responses: { 200: { description: 'the file, with its content type' }, 404: error('no such job or file'), 409: error('the job is not done'), ...denied },
        },
      },
      '/v1/jobs/{id}/archive': {
        get: {
          operationId: 'getJobArchive',
          summary: 'every output file as one zip',
          ...secured,
          parameters: [idParam],
          responses: { 200: { description: 'a zip', content: { 'application/zip': {} } }, 404: error('no such job'), 409: error('the job is not done'), ...denied },
        },
      },
    },
    components: {
      schemas: components(),
      ...(auth ? { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'GONGWEN_API_KEY' } } } : {}),
    },
  };
}
