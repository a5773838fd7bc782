import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidKbo } from './kbo';

export function IsKbo(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isKbo',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a valid KBO number: 10 digits with a mod-97 check`,
        ...options,
      },
      validator: { validate: (v: unknown) => typeof v === 'string' && isValidKbo(v) },
    });
}
