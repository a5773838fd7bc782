import { ConsoleLogger } from '@nestjs/common';
import { demoLogins } from '../../seed/demo-seed';
import { demoLoginsMessage, demoLoginsTable } from '../../seed/demo-logins-output';
import { createConsoleLogger, readableLogs, readableMessage, ReadableLogger } from './logger';

describe('readableLogs', () => {
  it.each([
    ['development', true, true],
    [undefined, true, true],
    ['test', true, true],
    ['production', true, false],
    ['development', false, false],
    ['production', false, false],
  ])('NODE_ENV=%s with a terminal=%s: readable=%s', (nodeEnv, tty, readable) => {
    expect(readableLogs(nodeEnv, tty)).toBe(readable);
  });
});

describe('readableMessage', () => {
  it('writes msg first, then key=value pairs, quoting only what needs it', () => {
    expect(
      readableMessage({
        msg: 'Jobteam CRM is listening',
        url: 'http://127.0.0.1:3000',
        database: 'embedded',
      }),
    ).toBe('Jobteam CRM is listening url=http://127.0.0.1:3000 database=embedded');
    expect(
      readableMessage({ msg: 'request', status: 503, ms: 12, route: '/participants/:id', note: 'a b' }),
    ).toBe('request status=503 ms=12 route=/participants/:id note="a b"');
  });

  it('keeps a line a line: newlines in values are escaped, lists are JSON', () => {
    const line = readableMessage({ msg: 'unexpected error', stack: 'at a\nat b', migrations: ['A1', 'B2'] })!;
    expect(line).toBe('unexpected error stack="at a\\nat b" migrations=["A1","B2"]');
    expect(line).not.toContain('\n');
  });

  it('leaves strings, arrays and errors to the default formatting', () => {
    expect(readableMessage('plain')).toBeUndefined();
    expect(readableMessage(['a'])).toBeUndefined();
    expect(readableMessage(new Error('x'))).toBeUndefined();
  });
});

describe('createConsoleLogger', () => {
  const original = process.stdout.isTTY;
  afterEach(() => {
    process.stdout.isTTY = original;
  });

  it('is readable at a development terminal and JSON in production or without a terminal', () => {
    process.stdout.isTTY = true;
    expect(createConsoleLogger({ nodeEnv: 'development' })).toBeInstanceOf(ReadableLogger);
    const prod = createConsoleLogger({ nodeEnv: 'production', context: 'Main' });
    expect(prod).not.toBeInstanceOf(ReadableLogger);
    expect(prod).toBeInstanceOf(ConsoleLogger);
    process.stdout.isTTY = false;
    expect(createConsoleLogger({ nodeEnv: 'development' })).not.toBeInstanceOf(ReadableLogger);
  });

  it('prints one JSON object per line without a terminal, and a readable line at one', () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      process.stdout.isTTY = false;
      createConsoleLogger({ context: 'Server' }).log({ msg: 'listening', url: 'http://127.0.0.1:3000' });
      process.stdout.isTTY = true;
      const readable = createConsoleLogger({ context: 'Server', nodeEnv: 'development' });
      readable.log({ msg: 'listening', url: 'http://127.0.0.1:3000' });
    } finally {
      spy.mockRestore();
    }
    expect(JSON.parse(written[0])).toMatchObject({
      level: 'log',
      context: 'Server',
      message: { msg: 'listening', url: 'http://127.0.0.1:3000' },
    });
    // eslint-disable-next-line no-control-regex
    const plain = written[1].replace(/\u001b\[[0-9;]*m/g, '');
    expect(plain).toMatch(/LOG \[Server\] listening url=http:\/\/127\.0\.0\.1:3000\n$/);
  });
});

describe('demo logins output', () => {
  it('is an aligned table with a header at a terminal, one row per role and organisation', () => {
    const table = demoLoginsTable(demoLogins()).split('\n');
    expect(table[0]).toBe('Demo logins (password for all: Jobteam-demo-2026):');
    expect(table[1]).toMatch(/^ {2}role +email +organisation$/);
    expect(table[2]).toMatch(/^ {2}-+ {3}-+ {3}-+$/);
    expect(table).toContainEqual(
      expect.stringMatching(/^ {2}admin +admin\.stad@demo\.jobteam\.gent +Stad Gent$/),
    );
    const emailColumn = table[1].indexOf('email');
    for (const row of table.slice(3)) expect(row[emailColumn - 1]).toBe(' ');
    for (const row of table.slice(3)) expect(row.slice(emailColumn)).toMatch(/^\S+@demo\.jobteam\.gent/);
  });

  it('is one object with a list in JSON logs: no string full of \\n', () => {
    const message = demoLoginsMessage(demoLogins(), false) as { msg: string; logins: object[] };
    expect(message.msg).toBe('Demo logins (password for all: Jobteam-demo-2026)');
    expect(message.logins).toContainEqual({
      role: 'admin',
      email: 'admin.stad@demo.jobteam.gent',
      organisation: 'Stad Gent',
    });
    expect(JSON.stringify(message)).not.toContain('\\n');
    expect(demoLoginsMessage(demoLogins(), true)).toBe(demoLoginsTable(demoLogins()));
  });
});
