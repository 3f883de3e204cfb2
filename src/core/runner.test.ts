import { describe, expect, it } from 'vitest';
import { defineCheck, type AnyCheck } from './check.js';
import { defaultConfig } from './config.js';
import { Redactor } from './redact.js';
import { collectFacts, runChecks } from './runner.js';
import type { AnyCollector } from './collector.js';
import { Workspace } from './workspace.js';

const meta = (id: string) => ({ id, title: 'A title long enough', severity: 'high' as const, risk: 'r', remediation: 'fix', references: [], controls: [] });
const opts = { config: defaultConfig(), now: new Date(0), redactor: new Redactor() };

// Facts are typed by declaration merging; these tests use erased checks on a synthetic key.
const check = (id: string, run: AnyCheck['run'], needs = ['t-fact']): AnyCheck =>
  defineCheck({ meta: meta(id), needs: needs as never[], messages: { bad: 'bad {{what}}' }, run }) as AnyCheck;
const ok = (value: unknown) => new Map([['t-fact', { state: 'ok' as const, value }]]);

describe('runChecks', () => {
  it('a check that reports nothing passes', async () => {
    const [f] = await runChecks([check('t/quiet', () => {})], { states: ok(1) }, opts);
    expect(f).toMatchObject({ status: 'pass', checkId: 't/quiet', area: 't' });
  });

  it('reports become fail findings with interpolated messages and stable fingerprints', async () => {
    const c = check('t/loud', (_f, { report }) => report({ messageId: 'bad', data: { what: 'x' }, resource: { type: 'r', id: '1' }, location: { path: 'a', line: 2 } }));
    const [a] = await runChecks([c], { states: ok(1) }, opts);
    const [b] = await runChecks([c], { states: ok(1) }, opts);
    expect(a).toMatchObject({ status: 'fail', message: 'bad x', location: { path: 'a', line: 2 } });
    expect(a!.fingerprint).toBe(b!.fingerprint);
  });

  it('a check that throws yields an error finding and the run continues', async () => {
    const out = await runChecks([check('t/throws', () => { throw new Error('boom'); }), check('t/quiet', () => {})], { states: ok(1) }, opts);
    expect(out.map((f) => [f.checkId, f.status])).toEqual([['t/throws', 'error'], ['t/quiet', 'pass']]);
    expect(out[0]!.message).toContain('boom');
  });

  it('absent facts skip, failed facts error (never pass)', async () => {
    const states = new Map<string, never>([['t-fact', { state: 'absent', reason: 'no .env file' } as never], ['u-fact', { state: 'error', message: 'unreadable' } as never]]);
    const out = await runChecks([check('t/a', () => {}), check('t/b', () => {}, ['u-fact'])], { states }, opts);
    expect(out.map((f) => f.status)).toEqual(['skipped', 'error']);
    expect(out[0]!.message).toContain('no .env file');
  });

  it('an unknown messageId is a bug reported as an error', async () => {
    const [f] = await runChecks([check('t/typo', (_f, { report }) => report({ messageId: 'nope' as never }))], { states: ok(1) }, opts);
    expect(f!.status).toBe('error');
  });

  it('scrubs registered secrets from messages', async () => {
    const redactor = new Redactor();
    redactor.add('supersecretvalue');
    const [f] = await runChecks([check('t/leaky', (_f, { report }) => report({ messageId: 'bad', data: { what: 'supersecretvalue' } }))], { states: ok(1) }, { ...opts, redactor });
    expect(f!.message).not.toContain('supersecretvalue');
  });
});

describe('collectFacts', () => {
  it('runs only the collectors that selected checks need, and turns crashes into error facts', async () => {
    let called = 0;
    const collectors: AnyCollector[] = [
      { key: 't-fact' as never, description: 'T files', collect: async () => { called++; throw new Error('disk on fire'); } },
      { key: 'u-fact' as never, description: 'U files', collect: async () => { throw new Error('must not run'); } },
    ];
    const ctx = { workspace: new Workspace('.'), config: defaultConfig(), inputs: {}, redactor: new Redactor(), now: new Date(0), diagnose() {}, progress() {}, recordInput() {} };
    const facts = await collectFacts([check('t/x', () => {})], collectors, ctx);
    expect(called).toBe(1);
    expect(facts.states.get('t-fact')).toEqual({ state: 'error', message: 'T files: disk on fire' });
    expect(facts.states.has('u-fact')).toBe(false);
  });
});
