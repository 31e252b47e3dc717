import { describe, expect, it } from 'vitest';

import { parseCliArguments } from './cli-arguments';

describe('parseCliArguments', () => {
  it('reads port, dbpath and host in both --flag value and --flag=value forms', () => {
    expect(parseCliArguments(['--port', '0', '--dbpath=/tmp/data', '--host', '0.0.0.0'])).toMatchObject({
      port: 0,
      dbPath: '/tmp/data',
      host: '0.0.0.0',
    });
  });

  it('names the flag that is wrong', () => {
    expect(() => parseCliArguments(['--port', 'abc', '--dbpath', '/tmp/d'])).toThrow(/--port/);
    expect(() => parseCliArguments(['--port', '70000', '--dbpath', '/tmp/d'])).toThrow(/--port/);
    expect(() => parseCliArguments(['--dbpath'])).toThrow(/--dbpath needs a value/);
    expect(() => parseCliArguments(['--verbose'])).toThrow(/unknown option --verbose/);
  });

  it('refuses to listen on TCP without credentials, unless on a private socket', () => {
    expect(() => parseCliArguments(['--port', '0'])).toThrow(/requires credentials/);
    expect(parseCliArguments(['--socket', '/tmp/k/mongod.sock'])).toMatchObject({ socketPath: '/tmp/k/mongod.sock' });
    expect(parseCliArguments(['--credentials', '/tmp/k/c.json'])).toMatchObject({ credentialsFile: '/tmp/k/c.json' });
  });
});
