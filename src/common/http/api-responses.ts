import { applyDecorators, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** A page of items (common/http/pagination.ts): items of one response class, with the paging numbers. */
export const ApiPageResponse = (item: Type<unknown>, description = 'One page of results') =>
  applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'total', 'page', 'limit'],
        properties: {
          items: { type: 'array', maxItems: 200, items: { $ref: getSchemaPath(item) } },
          total: { type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 },
          page: { type: 'integer', format: 'int32', minimum: 1, maximum: 100000 },
          limit: { type: 'integer', format: 'int32', minimum: 1, maximum: 200 },
        },
      },
    }),
  );

/** 200 with one response class. */
export const ApiOk = (type: Type<unknown>, description = 'OK') => ApiOkResponse({ type, description });

/** 201 with the created record's response class. */
export const ApiCreated = (type: Type<unknown>, description = 'Created') =>
  ApiCreatedResponse({ type, description });

/** A count, minutes, a version: a non-negative int32, stated so clients know the bounds. */
export const COUNT = { type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 } as const;

/** 200 with a file (CSV, workbook, image) streamed in the given media type. */
export const ApiFileResponse = (mediaType: string, description: string) =>
  ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } });

/**
 * 200 with one response class as JSON, or the same content as a file in other media types (chosen
 * by Accept or by the path's format): each file type with its schema, text or binary.
 */
export const ApiOkOrFile = (
  type: Type<unknown>,
  files: Record<string, 'text' | 'binary'>,
  description = 'OK; the file types by Accept or format',
) =>
  applyDecorators(
    ApiExtraModels(type),
    ApiOkResponse({
      description,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(type) } },
        ...Object.fromEntries(
          Object.entries(files).map(([mediaType, kind]) => [
            mediaType,
            { schema: kind === 'binary' ? { type: 'string', format: 'binary' } : { type: 'string' } },
          ]),
        ),
      },
    }),
  );
