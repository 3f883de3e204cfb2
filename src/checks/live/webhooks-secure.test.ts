import { describe, expect, it } from 'vitest';
import { testCheck } from '../../../test/support/check-tester.js';
import type { LiveWebhook } from '../../live/snapshot.js';
import { failed, live, ok, snapshot } from './__fixtures__/snapshot.js';
import { safeUrl, webhooksSecure } from './webhooks-secure.js';

const hook = (over: Partial<LiveWebhook>): LiveWebhook => ({ id: 'wh', name: 'hook', url: 'https://hooks.example.com/in', events: [], tls: true, hasBasicAuth: false, hasSignatureKey: true, enabled: true, attempts: 0, ...over });

testCheck(webhooksSecure, {
  valid: [
    { name: 'https, verified, signed (1.9.5: signature not shown)', facts: live(snapshot()) },
    { name: 'no signature key but basic auth', facts: live(snapshot({ webhooks: ok([hook({ hasSignatureKey: false, hasBasicAuth: true })]) })) },
  ],
  invalid: [
    { name: 'plain http', facts: live(snapshot({ webhooks: ok([hook({ url: 'http://hooks.example.com/in' })]) })), errors: [{ messageId: 'plainHttp', severity: 'high', path: 'https://appwrite.example.com/v1/webhooks/wh' }] },
    { name: 'TLS verification off', facts: live(snapshot({ webhooks: ok([hook({ tls: false })]) })), errors: [{ messageId: 'tlsOff', severity: 'medium' }] },
    { name: 'disabled http webhook is low', facts: live(snapshot({ webhooks: ok([hook({ url: 'http://x.example.com', enabled: false })]) })), errors: [{ messageId: 'plainHttp', severity: 'low' }] },
    { name: 'no signature and no basic auth (1.8 model)', facts: live(snapshot({ webhooks: ok([hook({ hasSignatureKey: false })]) })), errors: [{ messageId: 'unauthenticated' }] },
    { name: 'webhooks unreadable', facts: live(snapshot({ webhooks: failed('webhooks.list') })), errors: [{ messageId: 'unreadable', status: 'error' }] },
  ],
});

describe('safeUrl', () => {
  it('drops credentials and query strings from URLs shown in findings', () => {
    expect(safeUrl('https://user:pw@hooks.example.com/in?token=abc')).toBe('https://hooks.example.com/in');
  });
});
