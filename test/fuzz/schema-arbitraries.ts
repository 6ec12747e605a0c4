import fc from 'fast-check';

/** The subset of OpenAPI 3 / JSON Schema that @nestjs/swagger emits for this API. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  example?: unknown;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
}

/** Chooses a known id for a uuid-valued field by its name (`mediatorId`, `courtOrgId`, …), or undefined. */
export type IdSource = (fieldName: string) => fc.Arbitrary<string> | undefined;

const DAY_MS = 86_400_000;
// The data the suite creates sits around 2026-09-16 (INTAKE_NOW); valid dates span a little either side of it.
const FIRST_DAY = Date.UTC(2025, 0, 1);
const LAST_DAY = Date.UTC(2027, 11, 31);

export const legalDate = (from = FIRST_DAY, to = LAST_DAY): fc.Arbitrary<string> =>
  fc.integer({ min: Math.floor(from / DAY_MS), max: Math.floor(to / DAY_MS) }).map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));

export const instant = (): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 8, 16, 2) }), fc.boolean())
    .map(([ms, shanghai]) => {
      if (!shanghai) return new Date(ms).toISOString();
      return new Date(ms + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    });

export class SchemaResolver {
  constructor(private readonly components: Record<string, Schema>) {}

  resolve(schema: Schema): Schema {
    if (schema.$ref) return this.resolve(this.components[schema.$ref.replace('#/components/schemas/', '')]);
    if (schema.allOf?.length) {
      const parts = schema.allOf.map((part) => this.resolve(part));
      const { allOf: _allOf, ...own } = schema;
      return parts.reduce<Schema>(
        (merged, part) => ({
          ...part,
          ...merged,
          properties: { ...part.properties, ...merged.properties },
          required: [...(part.required ?? []), ...(merged.required ?? [])],
        }),
        own,
      );
    }
    return schema;
  }

  refName(schema: Schema): string | undefined {
    return schema.$ref?.replace('#/components/schemas/', '');
  }
}

function isDateLike(schema: Schema): boolean {
  return schema.format === 'date' || /YYYY-MM-DD/.test(schema.description ?? '') || (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(schema.example));
}

function isInstantLike(schema: Schema): boolean {
  return schema.format === 'date-time' || (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(schema.example));
}

/** `AssignMediatorPayload` → `ASSIGN_MEDIATOR`: how the event payload models are named after their event type. */
function screamingSnake(modelName: string): string {
  return modelName
    .replace(/Payload$|Dto$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase();
}

/**
 * Values a schema accepts, as far as the schema can say: enums, patterns, lengths, ranges, dates and ids the suite
 * created. Business rules the schema cannot express (check characters, date order) are left to chance and to the
 * hand-written bodies in the spec.
 */
export class ValidValues {
  constructor(
    private readonly resolver: SchemaResolver,
    private readonly ids: IdSource,
  ) {}

  of(raw: Schema, fieldName = ''): fc.Arbitrary<unknown> {
    const schema = this.resolver.resolve(raw);
    const value = this.nonNull(schema, fieldName);
    return schema.nullable ? fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }) : value;
  }

  private nonNull(schema: Schema, fieldName: string): fc.Arbitrary<unknown> {
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    if (schema.oneOf?.length) return this.discriminated(schema);
    switch (schema.type) {
      case 'string':
        return this.string(schema, fieldName);
      case 'number':
      case 'integer':
        return this.number(schema);
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(schema.items ? this.of(schema.items, fieldName) : fc.constant({}), {
          minLength: schema.minLength ?? 1,
          maxLength: Math.max(schema.minLength ?? 1, 3),
        });
      default:
        return schema.properties ? this.object(schema) : fc.constant({});
    }
  }

  object(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
    const properties = schema.properties ?? {};
    const model = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, this.of(property, name)]));
    return fc.record(model, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) }) as fc.Arbitrary<Record<string, unknown>>;
  }

  /**
   * `{type, ...payload}` bodies: the `type` enum and the oneOf models pair up by name, so a generated event carries
   * the payload of its own type rather than a random mix that only the validation pipe would ever see.
   */
  private discriminated(schema: Schema): fc.Arbitrary<unknown> {
    const tag = Object.entries(schema.properties ?? {}).find(([, property]) => property.enum?.length);
    const branches = schema.oneOf!.map((branch) => {
      const name = this.resolver.refName(branch) ?? '';
      const body = this.object(this.resolver.resolve(branch));
      if (!tag) return body;
      const value = tag[1].enum!.find((candidate) => candidate === screamingSnake(name));
      return body.map((payload) => ({ [tag[0]]: value ?? tag[1].enum![0], ...payload }));
    });
    return fc.oneof(...branches);
  }

  private string(schema: Schema, fieldName: string): fc.Arbitrary<string> {
    if (schema.format === 'uuid') return this.ids(fieldName) ?? fc.uuid();
    const example = typeof schema.example === 'string' ? [fc.constant(schema.example)] : [];
    if (schema.pattern) return fc.oneof(...example, fc.stringMatching(new RegExp(schema.pattern)));
    if (isInstantLike(schema)) return fc.oneof(...example, instant());
    if (isDateLike(schema)) return fc.oneof(...example, legalDate());
    const minLength = schema.minLength ?? 1;
    const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
    return fc.oneof(
      ...example,
      fc.string({ unit: 'grapheme', minLength, maxLength }).filter((text) => text.trim().length >= minLength),
    );
  }

  private number(schema: Schema): fc.Arbitrary<number> {
    const min = schema.minimum ?? 0;
    const max = schema.maximum ?? Math.max(min + 100, 100);
    const example = typeof schema.example === 'number' ? [fc.constant(schema.example)] : [];
    return fc.oneof(...example, fc.integer({ min, max }));
  }
}
