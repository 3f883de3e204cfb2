import { describe, expect, it } from 'vitest';
import { testCheck } from '../../../test/support/check-tester.js';
import type { LivePlatform } from '../../live/snapshot.js';
import { failed, live, ok, snapshot } from './__fixtures__/snapshot.js';
import { isDevHost, platformsRestricted } from './platforms-restricted.js';

const web = (hostname: string, id = hostname): LivePlatform => ({ id, name: hostname, kind: 'web', type: 'web', hostname });
const ios: LivePlatform = { id: 'ios', name: 'iOS', kind: 'apple', type: 'apple-ios', identifier: 'com.example.shop' };

testCheck(platformsRestricted, {
  valid: [
    { name: 'exact production hostname', facts: live(snapshot()) },
    { name: 'localhost in a development project', facts: live(snapshot({ production: false, platforms: ok([web('localhost')]) })) },
    { name: 'approved hostnames and bundle ids, with a subdomain glob', facts: live(snapshot({ approvedPlatforms: ['*.example.com', 'com.example.shop'], platforms: ok([web('shop.example.com'), ios]) })) },
  ],
  invalid: [
    { name: 'wildcard in production', facts: live(snapshot({ platforms: ok([web('*', 'p1')]) })), errors: [{ messageId: 'wildcard', severity: 'high', resourceId: 'p1', path: 'https://appwrite.example.com/v1/project/platforms/p1' }] },
    { name: 'subdomain wildcard in development', facts: live(snapshot({ production: false, platforms: ok([web('*.example.com')]) })), errors: [{ messageId: 'wildcard', severity: 'medium' }] },
    {
      name: 'development hosts in production',
      facts: live(snapshot({ platforms: ok([web('localhost'), web('127.0.0.1'), web('abc.ngrok-free.app'), web('shop.local'), web('192.168.1.20:3000')]) })),
      errors: Array.from({ length: 5 }, () => ({ messageId: 'devHost', severity: 'medium' as const })),
    },
    { name: 'not in approvedPlatforms', facts: live(snapshot({ approvedPlatforms: ['shop.example.com'], platforms: ok([web('shop.example.com'), web('evil.example.net'), ios]) })), errors: [{ messageId: 'unapproved', resourceId: 'evil.example.net' }, { messageId: 'unapproved', resourceId: 'ios' }] },
    { name: 'platforms unreadable', facts: live(snapshot({ platforms: failed('project.listPlatforms') })), errors: [{ messageId: 'unreadable', status: 'error', path: 'https://appwrite.example.com/v1/project/platforms' }] },
  ],
});

describe('isDevHost', () => {
  it('knows loopback, private, local and tunnel hosts, and nothing else', () => {
    expect(['localhost', 'app.localhost', '127.0.0.1', '10.1.2.3', '172.20.0.1', 'x.test', 'a.trycloudflare.com', '[::1]'].every(isDevHost)).toBe(true);
    expect(['shop.example.com', '172.32.0.1', 'localhost.example.com', 'test.example.com'].some(isDevHost)).toBe(false);
  });
});
