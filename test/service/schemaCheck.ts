/**
 * A small JSON Schema checker for the subset z.toJSONSchema writes for the service's shapes
 * ($ref into components, type, enum, properties, required, additionalProperties: false, items,
 * minimum, allOf), so real responses can be checked against the OpenAPI document (no package).
 */
type Schema = Record<string, unknown>;

/** The problems of `value` against `schema` ('' when none), $refs resolved in `doc`. */
export function check(value: unknown, schema: Schema, doc: Schema, at = '$'): string[] {
  if (typeof schema.$ref === 'string') return check(value, resolveRef(doc, schema.$ref), doc, at);
  const errs: string[] = [];
  if (Array.isArray(schema.allOf)) for (const s of schema.allOf as Schema[]) errs.push(...check(value, s, doc, at));
  if (Array.isArray(schema.enum) && !(schema.enum as unknown[]).includes(value)) errs.push(`${at}: ${JSON.stringify(value)} not in enum`);
  const type = schema.type as string | undefined;
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value;
  if (type && !(type === actual || (type === 'number' && actual === 'integer'))) return [...errs, `${at}: ${actual}, expected ${type}`];
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) errs.push(`${at}: below ${schema.minimum}`);
  if (type === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) errs.push(`${at}: missing ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errs.push(...check(v, props[k], doc, `${at}.${k}`));
      else if (schema.additionalProperties === false) errs.push(`${at}: unexpected ${k}`);
    }
  }
  if (type === 'array' && schema.items) (value as unknown[]).forEach((v, i) => errs.push(...check(v, schema.items as Schema, doc, `${at}[${i}]`)));
  return errs;
}

/** The schema a local $ref ('#/components/schemas/X') points to; throws when it points nowhere. */
export function resolveRef(doc: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`not a local $ref: ${ref}`);
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (!node || typeof node !== 'object') throw new Error(`$ref points nowhere: ${ref}`);
  return node as Schema;
}

/** Every $ref anywhere in `node`. */
export function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) refsIn(n, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}
