import { describe, expect, it } from 'vitest';
import { functionsFromConfig } from './appwrite-functions.js';

describe('functionsFromConfig', () => {
  it.each([
    ['a JSON array at the top', '[1, 2]', [], ['expected a JSON object']],
    ['functions that is not a list', '{"functions": {"$id": "f"}}', [], ['expected a JSON object']],
    ['no functions at all', '{"projectId": "p"}', [], []],
    ['an entry without $id', '{"functions": [{"name": "x"}]}', [], ['functions[0] has no "$id"; skipped']],
    ['an empty $id', '{"functions": [{"$id": ""}]}', [], ['functions[0] has no "$id"; skipped']],
    ['a name that is not text', '{"functions": [{"$id": "f", "name": 3}]}', [], ['functions[0] has no "$id"; skipped']],
    ['scopes holding a number', '{"functions": [{"$id": "f", "scopes": ["users.read", 1]}]}', [], ['functions[0] has no "$id"; skipped']],
    ['a valid entry (extra fields ignored)', '{"functions": [{"$id": "f", "runtime": "node-22", "scopes": ["users.read"]}]}', [['f', 'functions/f', ['users.read']]], []],
    ['a byte-order mark and a path', '\ufeff{"functions": [{"$id": "f", "name": "F", "path": "./fns/f/"}]}', [['f', 'fns/f', null]], []],
  ])('%s', (_, text, functions, problems) => {
    const r = functionsFromConfig(text, 'appwrite.json');
    expect(r.functions.map((f) => [f.id, f.root, f.scopes])).toEqual(functions);
    expect(r.problems.map((p) => p.message)).toEqual(problems);
  });

  it('places functions declared in a sub-folder under it, with the line of their $id', () => {
    const r = functionsFromConfig('{\n  "functions": [\n    { "$id": "billing", "scopes": ["users.read"] }\n  ]\n}\n', 'apps/api/appwrite.json');
    expect(r.functions).toEqual([
      { id: 'billing', root: 'apps/api/functions/billing', scopes: ['users.read'], declaredIn: { path: 'apps/api/appwrite.json', line: 3 }, scopesLine: 3 },
    ]);
  });
});
