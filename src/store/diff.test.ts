import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { finding } from './__fixtures__/findings.js';
import { diffRuns, introducedFingerprints, type DiffOptions } from './diff.js';

const f = (id: string, over: Partial<Finding> = {}) => finding({ checkId: over.checkId ?? 'selfhost/force-https', resourceId: id, ...over });
const pass = (checkId: string) => finding({ checkId, resourceId: '-', status: 'pass' });
const ids = (fs: Finding[]) => fs.map((x) => x.resource!.id).sort();

describe('diffRuns', () => {
  it.each<[string, Finding[], Finding[], DiffOptions, Record<string, string[]>]>([
    ['identical runs', [f('a')], [f('a')], {}, { unchanged: ['a'] }],
    ['a new finding', [f('a')], [f('a'), f('b')], {}, { unchanged: ['a'], new: ['b'] }],
    ['a fixed finding (its check ran: it still has a finding)', [f('a'), f('b')], [f('a')], {}, { unchanged: ['a'], fixed: ['b'] }],
    ['fixed when the check now passes', [f('a')], [pass('selfhost/force-https')], {}, { fixed: ['a'] }],
    ['undetermined when the check did not run', [f('a')], [pass('compose/x')], {}, { undetermined: ['a'] }],
    ['undetermined when the check errored', [f('a'), f('b')], [f('a'), f('e', { status: 'error' })], {}, { unchanged: ['a'], undetermined: ['b'] }],
    ['fixed when headChecks says the check ran', [f('a')], [], { headChecks: new Set(['selfhost/force-https']) }, { fixed: ['a'] }],
    ['headChecks without the check: undetermined', [f('a')], [f('b', { checkId: 'compose/x' })], { headChecks: new Set(['compose/x']) }, { new: ['b'], undetermined: ['a'] }],
    ['reopened when seen before the base', [f('a')], [f('a'), f('b')], { seenBefore: new Set([f('b').fingerprint]) }, { unchanged: ['a'], reopened: ['b'] }],
    ['excepted counts as present', [f('a', { status: 'excepted' })], [f('a')], {}, { unchanged: ['a'] }],
    ['pass and skipped are not findings to diff', [pass('selfhost/force-https')], [f('s', { status: 'skipped' })], {}, {}],
    ['duplicates by fingerprint count once', [f('a')], [f('a'), f('a', { location: { path: '.env', line: 9 } })], {}, { unchanged: ['a'] }],
  ])('%s', (_name, base, head, opts, expected) => {
    const d = diffRuns(base, head, opts);
    const want = { new: [], reopened: [], fixed: [], unchanged: [], undetermined: [], ...expected };
    expect({ new: ids(d.new), reopened: ids(d.reopened), fixed: ids(d.fixed), unchanged: ids(d.unchanged), undetermined: ids(d.undetermined) }).toEqual(want);
  });

  it('introducedFingerprints: new and reopened, not unchanged', () => {
    const d = diffRuns([f('a')], [f('a'), f('b'), f('c')], { seenBefore: new Set([f('c').fingerprint]) });
    expect(introducedFingerprints(d)).toEqual(new Set([f('b').fingerprint, f('c').fingerprint]));
  });
});
