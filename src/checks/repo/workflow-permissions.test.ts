import { testCheck } from '../../../test/support/check-tester.js';
import { workflowPermissions } from './workflow-permissions.js';
import { repoFacts } from './__fixtures__/repo-facts.js';

const job = '  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n';

testCheck(workflowPermissions, {
  valid: [
    { name: 'top-level read', facts: repoFacts({ 'ci.yml': `on: push\npermissions:\n  contents: read\njobs:\n${job}` }) },
    { name: 'empty top-level', facts: repoFacts({ 'ci.yml': `on: push\npermissions: {}\njobs:\n${job}` }) },
    { name: 'per job', facts: repoFacts({ 'ci.yml': `on: push\njobs:\n${job}    permissions:\n      contents: read\n` }) },
  ],
  invalid: [
    { name: 'none anywhere', facts: repoFacts({ 'ci.yml': `on: push\njobs:\n${job}` }), errors: [{ messageId: 'missing', line: 3 }] },
    { name: 'write-all top', facts: repoFacts({ 'ci.yml': `on: push\npermissions: write-all\njobs:\n${job}` }), errors: [{ messageId: 'writeAll', line: 2, severity: 'high' }] },
    { name: 'write-all job', facts: repoFacts({ 'ci.yml': `on: push\npermissions: read-all\njobs:\n${job}    permissions: write-all\n` }), errors: [{ messageId: 'writeAll', line: 8 }] },
  ],
});
