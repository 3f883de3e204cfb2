import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { environmentSchema, liveConfigSection } from './config.js';
import { liveConfigOf } from './settings.js';

const section = z.strictObject(liveConfigSection);
const env = { endpoint: 'https://appwrite.example.com/v1', projectId: 'shop', credentialEnv: 'APPWRITE_PROD_KEY' };

describe('live config', () => {
  it('accepts environments and fills defaults', () => {
    const c = section.parse({ environments: { prod: { ...env, production: true } } });
    expect(c.environments.prod).toMatchObject({ production: true, selfSigned: false });
    expect(c.live.keys.maxUnusedDays).toBe(90);
    expect(section.parse({})).toMatchObject({ environments: {}, live: { maxRetries: 4 } });
  });

  it('refuses a secret where a variable name belongs, without echoing it', () => {
    const secret = `standard_${'9f'.repeat(128)}`;
    const r = environmentSchema.safeParse({ ...env, credentialEnv: secret });
    expect(r.success).toBe(false);
    const text = JSON.stringify(r.error?.issues);
    expect(text).toContain('looks like a secret');
    expect(text).not.toContain(secret);
  });

  it('requires an http(s) endpoint ending in /v1 and rejects unknown keys', () => {
    expect(environmentSchema.safeParse({ ...env, endpoint: 'https://appwrite.example.com' }).success).toBe(false);
    expect(environmentSchema.safeParse({ ...env, endpoint: 'ftp://x/v1' }).success).toBe(false);
    expect(environmentSchema.safeParse({ ...env, apiKey: 'x' }).success).toBe(false);
  });

  it('reads defaults when the sections are not wired', () => {
    expect(liveConfigOf({}).live.pageSize).toBe(100);
  });
});
