import { describe, expect, it } from 'vitest';
import { parseCompose, parseImageRef, parsePortShort, parseVolumeShort } from './parse.js';

const env: Record<string, string> = { _APP_HTTP_PORT: '8080', _APP_DB_PASS: 'from-dotenv', VERSION: '1.9.6' };
const lookup = (n: string) => env[n];

describe('parseCompose', () => {
  const text = `x-logging: &x-logging
  logging:
    driver: json-file

services:
  traefik:
    image: traefik:3.6
    <<: *x-logging
    command:
      - --providers.docker=true
      - --entrypoints.web.address=:80
    ports:
      - \${_APP_HTTP_PORT:-80}:80
      - target: 443
        published: 443
        host_ip: 0.0.0.0
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
      - type: volume
        source: appwrite-config
        target: /storage/config
        read_only: true

  appwrite:
    image: appwrite/appwrite:\${VERSION}
    environment:
      - _APP_ENV
      - _APP_DB_PASS
      - _APP_OPENSSL_KEY_V1=\${_APP_OPENSSL_KEY_V1:?set the key}
      - _APP_OPTIONS_ABUSE=disabled
    env_file: ./appwrite.env

  mariadb:
    image: mariadb:10.11
    environment:
      MYSQL_ROOT_PASSWORD: rootsecretpassword
      MYSQL_PASSWORD: \${_APP_DB_PASS}
      MYSQL_EMPTY:
    ports: ["3306:3306"]
    network_mode: host
    privileged: true
`;
  const parsed = parseCompose(text, 'deploy', lookup);
  const svc = (n: string) => parsed.services.find((s) => s.name === n)!;

  it('reads services with lines', () => {
    expect(parsed.error).toBeUndefined();
    expect(parsed.services.map((s) => [s.name, s.line])).toEqual([
      ['traefik', 6],
      ['appwrite', 24],
      ['mariadb', 33],
    ]);
  });

  it('reads and interpolates images', () => {
    expect(svc('traefik').image).toMatchObject({ ref: 'traefik:3.6', repository: 'traefik', tag: '3.6', line: 7, column: 12 });
    expect(svc('appwrite').image).toMatchObject({ raw: 'appwrite/appwrite:${VERSION}', ref: 'appwrite/appwrite:1.9.6', tag: '1.9.6', line: 25 });
  });

  it('reads short and long port syntax, interpolated', () => {
    expect(svc('traefik').ports).toEqual([
      expect.objectContaining({ published: '8080', target: '80', line: 13 }),
      expect.objectContaining({ published: '443', target: '443', hostIp: '0.0.0.0', line: 14 }),
    ]);
    expect(svc('mariadb').ports).toEqual([expect.objectContaining({ published: '3306', target: '3306', line: 39 })]);
  });

  it('reads short and long volume syntax', () => {
    expect(svc('traefik').volumes).toEqual([
      expect.objectContaining({ type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: false, line: 18 }),
      expect.objectContaining({ type: 'volume', source: 'appwrite-config', target: '/storage/config', readOnly: true, line: 19 }),
    ]);
  });

  it('reads list and map environments, resolving bare names and ${VAR} from the .env', () => {
    const e = Object.fromEntries(svc('appwrite').environment.map((x) => [x.key, x]));
    expect(e._APP_ENV).toMatchObject({ bare: true, fromEnvironment: true, value: '', line: 27 });
    expect(e._APP_DB_PASS).toMatchObject({ bare: true, fromEnvironment: false, value: 'from-dotenv' });
    expect(e._APP_OPENSSL_KEY_V1).toMatchObject({ bare: false, fromEnvironment: true, unresolved: ['_APP_OPENSSL_KEY_V1'] });
    expect(e._APP_OPTIONS_ABUSE).toMatchObject({ value: 'disabled', line: 30 });
    const m = Object.fromEntries(svc('mariadb').environment.map((x) => [x.key, x]));
    expect(m.MYSQL_ROOT_PASSWORD).toMatchObject({ value: 'rootsecretpassword', line: 36, column: 7 });
    expect(m.MYSQL_PASSWORD).toMatchObject({ value: 'from-dotenv', refs: ['_APP_DB_PASS'] });
    expect(m.MYSQL_EMPTY).toMatchObject({ bare: true });
  });

  it('lists the variables the file interpolates', () => {
    expect(parsed.variables).toEqual(['VERSION', '_APP_DB_PASS', '_APP_HTTP_PORT', '_APP_OPENSSL_KEY_V1']);
  });

  it('reads env_file relative to the compose folder, command, network_mode and privileged', () => {
    expect(svc('appwrite').envFiles).toEqual([expect.objectContaining({ path: 'deploy/appwrite.env', required: true, line: 31 })]);
    expect(svc('traefik').command).toEqual(['--providers.docker=true', '--entrypoints.web.address=:80']);
    expect(svc('mariadb').networkMode).toMatchObject({ value: 'host', line: 40 });
    expect(svc('mariadb').privileged).toMatchObject({ line: 41 });
  });

  it('resolves an alias to the nearest earlier anchor of its name, as YAML defines it (anchors may be redefined)', () => {
    const r = parseCompose(
      [
        'x-env: &env',
        '  MODE: first',
        'services:',
        '  a:',
        '    image: a:1',
        '    environment: *env',
        '  b:',
        '    image: b:1',
        '    environment: &env',
        '      MODE: second',
        '  c:',
        '    image: c:1',
        '    environment:',
        '      <<: *env',
        '      EXTRA: "1"',
        '',
      ].join('\n'),
      '.',
      lookup,
    );
    expect(r.error).toBeUndefined();
    const env = (n: string) => Object.fromEntries(r.services.find((s) => s.name === n)!.environment.map((e) => [e.key, e.value]));
    expect(env('a')).toEqual({ MODE: 'first' });
    expect(env('b')).toEqual({ MODE: 'second' });
    expect(env('c')).toEqual({ EXTRA: '1', MODE: 'second' });
  });

  it('fails fast on a YAML alias bomb, with a clear message', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const start = Date.now();
    const r = parseCompose(`services: {}\n${levels.join('\n')}\n`, '.', lookup);
    expect(Date.now() - start).toBeLessThan(2000);
    expect(r.error).toMatchObject({ message: expect.stringMatching(/alias bomb/), line: 3 });
    expect(r.services).toEqual([]);
  });

  it.each([
    ['duplicate keys', 'services:\n  a:\n    image: x\n  a:\n    image: y\n', 4, /unique/],
    ['broken syntax', 'services:\n  a: [\n', 3, /invalid YAML/],
    ['not a mapping', '- just\n- a list\n', 1, /mapping/],
  ])('reports %s with a line', (_, text, line, message) => {
    const r = parseCompose(text, '.', lookup);
    expect(r.error).toMatchObject({ message: expect.stringMatching(message), line });
  });

  it('reads an empty file as no services', () => {
    expect(parseCompose('', '.', lookup)).toEqual({ services: [], warnings: [], variables: [] });
  });

  it('warns about the legacy v1 format', () => {
    expect(parseCompose('web:\n  image: nginx\n', '.', lookup).warnings[0]?.message).toMatch(/legacy compose v1/);
  });
});

describe('reference parsers', () => {
  it.each([
    ['appwrite/appwrite:1.9.6', { repository: 'appwrite/appwrite', tag: '1.9.6' }],
    ['docker.io/library/redis:7.4.7-alpine', { repository: 'redis', tag: '7.4.7-alpine' }],
    ['redis', { repository: 'redis' }],
    ['ghcr.io/org/img@sha256:abc', { repository: 'org/img', registry: 'ghcr.io', digest: 'sha256:abc' }],
    ['localhost:5000/img:1.0@sha256:def', { repository: 'img', registry: 'localhost:5000', tag: '1.0', digest: 'sha256:def' }],
  ])('image %s', (ref, expected) => expect(parseImageRef(ref)).toEqual({ ref, ...expected }));

  it.each([
    ['3306', { target: '3306' }],
    ['3306:3306', { published: '3306', target: '3306' }],
    ['127.0.0.1:3306:3306', { hostIp: '127.0.0.1', published: '3306', target: '3306' }],
    ['[::1]:6379:6379', { hostIp: '::1', published: '6379', target: '6379' }],
    ['::1:6379:6379', { hostIp: '::1', published: '6379', target: '6379' }],
    ['8000-8010:8000-8010/udp', { published: '8000-8010', target: '8000-8010', protocol: 'udp' }],
    ['127.0.0.1::5432', { hostIp: '127.0.0.1', target: '5432' }],
  ])('port %s', (spec, expected) => expect(parsePortShort(spec)).toEqual(expected));

  it.each([
    ['/var/run/docker.sock:/var/run/docker.sock', { type: 'bind', source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: false }],
    ['./data:/data:ro', { type: 'bind', source: './data', target: '/data', readOnly: true }],
    ['appwrite-uploads:/storage/uploads:rw', { type: 'volume', source: 'appwrite-uploads', target: '/storage/uploads', readOnly: false }],
    ['/anonymous', { type: 'volume', target: '/anonymous', readOnly: false }],
  ])('volume %s', (spec, expected) => expect(parseVolumeShort(spec)).toEqual(expected));
});
