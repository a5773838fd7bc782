import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Schema = Record<string, unknown>;
/** @nestjs/swagger's API_MODEL_PROPERTIES (its dist/constants is not exported). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

/** What each class-validator rule means in a schema. Only rules with an exact schema meaning are here. */
const RULES: Record<string, (c: unknown[], s: Schema) => Schema> = {
  isUuid: () => ({ format: 'uuid', maxLength: 36 }),
  isIsoDate: () => ({ format: 'date', maxLength: 10 }),
  isIso8601: () => ({ format: 'date-time', maxLength: 40 }),
  isEmail: () => ({ format: 'email', maxLength: 254 }),
  isLength: ([min, max]) => ({ minLength: min, ...(max !== undefined ? { maxLength: max } : {}) }),
  maxLength: ([max]) => ({ maxLength: max }),
  minLength: ([min]) => ({ minLength: min }),
  matches: ([pattern]) => ({ pattern: pattern instanceof RegExp ? pattern.source : String(pattern) }),
  min: ([min]) => ({ minimum: min }),
  max: ([max]) => ({ maximum: max }),
  isInt: (_c, s) => ({
    ...([Number, Object, 'number', undefined].includes(s.type as never) ? { type: 'integer' } : {}),
    format: 'int32',
  }),
  arrayMaxSize: ([max]) => ({ maxItems: max }),
  arrayMinSize: ([min]) => ({ minItems: min }),
};

/**
 * The DTOs state their limits once, for class-validator (@Length, @IsUUID, @Max ...). This copies the
 * ones with an exact schema meaning into the @ApiProperty metadata of the same property, where it
 * has not said otherwise, so the OpenAPI document shows what the validation pipe enforces and the two
 * cannot drift. Runs before SwaggerModule.createDocument(); running it twice changes nothing.
 */
export function documentValidationRules(): void {
  // class-validator keeps its metadata in a private map; without it the document just stays as declared.
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas?: Map<{ prototype: object }, ValidationMetadata[]>;
    getTargetValidatorConstraints(target: ValidationMetadata['constraintCls']): { name: string }[];
  };
  if (!(storage.validationMetadatas instanceof Map)) return;
  for (const [target, rules] of storage.validationMetadatas) {
    for (const rule of rules) {
      if (rule.each) continue;
      const name = rule.name ?? storage.getTargetValidatorConstraints(rule.constraintCls)[0]?.name;
      const toSchema = name ? RULES[name] : undefined;
      if (!toSchema) continue;
      const prototype = target.prototype;
      const current = Reflect.getMetadata(API_MODEL_PROPERTIES, prototype, rule.propertyName) as
        Schema | undefined;
      // Only properties the DTO already documents: a field without @ApiProperty stays out of the contract.
      if (!current) continue;
      const isArray = current.isArray === true;
      const additions = toSchema(rule.constraints ?? [], current);
      if (isArray && !name.startsWith('array')) continue;
      const merged = { ...current };
      // A property without a type annotation (`page = 1`) reaches Swagger as Object (tsc) or untyped (swc).
      if (
        (merged.type === Object || merged.type === undefined) &&
        ('pattern' in additions || 'maxLength' in additions || 'format' in additions)
      )
        merged.type = 'string';
      for (const [key, value] of Object.entries(additions))
        if (merged[key] === undefined || merged[key] === Object || (key === 'type' && value === 'integer'))
          merged[key] = value;
      Reflect.defineMetadata(API_MODEL_PROPERTIES, merged, prototype, rule.propertyName);
    }
  }
}
