import { testCheck } from '../../../test/support/check-tester.js';
import { envFacts } from './__fixtures__/facts.js';
import { envFilesReadable } from './env-files-readable.js';

const unreadable = () => {
  const facts = envFacts({ '.env': '_APP_ENV=production\n', 'bin/.env': '' });
  const f = facts['selfhost-env'].files.find((x) => x.path === 'bin/.env')!;
  f.error = 'bin/.env looks binary (it contains NUL bytes), expected a text file';
  return facts;
};

testCheck(envFilesReadable, {
  valid: [{ name: 'all readable', facts: envFacts({ '.env': '_APP_ENV=production\n' }) }],
  invalid: [{ name: 'a binary .env', facts: unreadable(), errors: [{ messageId: 'unreadable', status: 'error', path: 'bin/.env' }] }],
});
