import { plainToInstance } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Length, validateSync } from 'class-validator';
import { Trimmed, TrimmedLowerCase } from './trimmed';

class Sample {
  @Trimmed() @IsString() @Length(1, 10) name!: string;
  @IsOptional() @TrimmedLowerCase() @IsEmail() email?: string;
}

const read = (plain: Record<string, unknown>) => {
  const dto = plainToInstance(Sample, plain);
  return { dto, errors: validateSync(dto).map((e) => e.property) };
};

describe('@Trimmed', () => {
  it('removes surrounding white space before validation', () => {
    const { dto, errors } = read({ name: '  Jan \t' });
    expect(dto.name).toBe('Jan');
    expect(errors).toEqual([]);
  });

  it('makes a blank value fail a minimum length, as an empty one does', () => {
    expect(read({ name: '   ' }).errors).toEqual(['name']);
  });

  it('counts the length after trimming', () => {
    expect(read({ name: `  ${'x'.repeat(10)}  ` }).errors).toEqual([]);
  });

  it('leaves a value that is not a string to the validators, unchanged', () => {
    const { dto, errors } = read({ name: 42 });
    expect(dto.name).toBe(42);
    expect(errors).toEqual(['name']);
  });
});

describe('@TrimmedLowerCase', () => {
  it('trims and lower-cases, so the same address in another case is the same value', () => {
    const { dto, errors } = read({ name: 'Jan', email: ' An.Peeters@Example.BE ' });
    expect(dto.email).toBe('an.peeters@example.be');
    expect(errors).toEqual([]);
  });

  it('leaves an absent value absent', () => {
    const { dto, errors } = read({ name: 'Jan' });
    expect(dto.email).toBeUndefined();
    expect(errors).toEqual([]);
  });
});
