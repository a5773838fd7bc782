import Ajv, { ValidateFunction } from 'ajv';
type Json = Record<string, unknown>;

/** The formats the document uses, checked as strictly as clients will read them. */
const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  email: /^[^@\s]+@[^@\s]+$/,
  uri: /^[a-z][a-z0-9+.-]*:/i,
  int32: /.*/,
  binary: /.*/,
};

/**
 * A response schema as the contract means it: an object with declared properties has no others. Nest
 * writes no `additionalProperties`, so a field the server sends and the class does not declare would
 * otherwise pass unnoticed; a schema that leaves a field out lies as much as one with a wrong type.
 */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema as Json)) out[k] = k === 'example' ? v : closed(v);
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  // OpenAPI 3.0's nullable: null as well as what the rest says (an enum, a $ref, an allOf included).
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

/**
 * Checks response bodies against the OpenAPI document the API serves (the contract test holds it
 * equal to openapi.json): the schema of the operation's status and media type, with ajv, objects
 * closed. Returns what does not match, as readable lines (empty: it matches).
 */
export class ResponseContract {
  private readonly doc: Json;
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly routes: { method: string; template: string; pattern: RegExp }[] = [];

  constructor(doc: object) {
    this.doc = JSON.parse(JSON.stringify(doc)) as Json;
    this.ajv = new Ajv({ strict: false, allErrors: true });
    for (const [name, re] of Object.entries(FORMATS)) this.ajv.addFormat(name, re);
    this.ajv.addSchema(closed({ components: this.doc.components }) as Json, 'openapi.json');
    for (const [template, item] of Object.entries(this.doc.paths as Record<string, Json>))
      for (const method of Object.keys(item))
        this.routes.push({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        });
  }

  /** The operation a request matches, as "GET /path/{id}"; literal segments win over parameters. */
  operationOf(method: string, url: string): string | undefined {
    const path = url.split('?')[0];
    const found = this.routes
      .filter((r) => r.method === method.toUpperCase() && r.pattern.test(path))
      .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0))[0];
    return found && `${found.method} ${found.template}`;
  }

  /** What is wrong with a response's JSON body, given its operation and status. */
  check(operation: string, status: number, mediaType: string, body: unknown): string[] {
    const [method, template] = operation.split(' ');
    const op = (this.doc.paths as Record<string, Record<string, Json>>)[template]?.[method.toLowerCase()];
    if (!op) return [`${operation}: not in openapi.json`];
    const response = (op.responses as Record<string, Json>)[String(status)];
    if (!response) return [`${operation}: ${status} is not declared`];
    const content = (response.content ?? {}) as Record<string, { schema?: unknown }>;
    const entry = content[mediaType];
    // No schema at all is the contract test's concern (every operation must declare one), not a lie.
    if (!entry?.schema) return [];
    const key = `${operation} ${status} ${mediaType}`;
    let validate = this.cache.get(key);
    if (!validate) {
      // References (#/components/...) resolve against the document's components, registered once.
      const schema = JSON.parse(
        JSON.stringify(closed(entry.schema)).replace(/"#\/components\//g, '"openapi.json#/components/'),
      ) as Json;
      validate = this.ajv.compile(schema);
      this.cache.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) =>
        `${operation} ${status}: ${e.instancePath || '(body)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
    );
  }
}
