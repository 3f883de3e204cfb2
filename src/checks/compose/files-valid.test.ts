import { testCheck } from '../../../test/support/check-tester.js';
import { composeFacts } from '../selfhost/__fixtures__/facts.js';
import { filesValid } from './files-valid.js';

testCheck(filesValid, {
  valid: [{ name: 'a valid file', facts: composeFacts({ 'docker-compose.yml': 'services:\n  a:\n    image: nginx:1.27\n' }) }],
  invalid: [
    { name: 'duplicate keys', facts: composeFacts({ 'docker-compose.yml': 'services:\n  a:\n    image: x\n    image: y\n' }), errors: [{ messageId: 'invalid', status: 'error', path: 'docker-compose.yml', line: 4 }] },
    { name: 'alias bomb', facts: composeFacts({ 'compose.yaml': `a: &a [1,1,1,1,1,1,1,1,1,1]\n${'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(',')}]`).join('\n')}\n` }), errors: [{ messageId: 'invalid', status: 'error', path: 'compose.yaml' }] },
  ],
});
