import { testCheck } from '../../../test/support/check-tester.js';
import { envRead, envVar, inventory } from '../../code/fixtures.js';
import { noPublicEnvKeys } from './no-public-env-keys.js';

testCheck(noPublicEnvKeys, {
  valid: [
    { name: 'server-only key variable', facts: { 'source-inventory': inventory({ envVars: [envVar({ name: 'APPWRITE_API_KEY', keyLike: 'name', redacted: 'x' })] }) } },
    { name: 'public project id and endpoint', facts: { 'source-inventory': inventory({ envVars: [envVar({ name: 'NEXT_PUBLIC_APPWRITE_PROJECT_ID', publicPrefix: 'NEXT_PUBLIC_' })], envReads: [envRead({ name: 'VITE_APPWRITE_ENDPOINT', publicPrefix: 'VITE_' })] }) } },
    { name: 'server code reading a non-public key', facts: { 'source-inventory': inventory({ envReads: [envRead({ name: 'APPWRITE_KEY', runtime: 'server' })] }) } },
  ],
  invalid: [
    {
      name: 'key-shaped value under a public prefix is critical',
      facts: { 'source-inventory': inventory({ envVars: [envVar({ name: 'VITE_APPWRITE_API_KEY', publicPrefix: 'VITE_', keyLike: 'value', path: 'web/.env', line: 4, redacted: 'stan…#12345678' })] }) },
      errors: [{ messageId: 'keyValue', path: 'web/.env', line: 4, severity: 'critical', resourceId: 'VITE_APPWRITE_API_KEY' }],
    },
    {
      name: 'key-named public variable with a value is high; a template one medium',
      facts: {
        'source-inventory': inventory({
          envVars: [
            envVar({ name: 'NEXT_PUBLIC_ADMIN_KEY', publicPrefix: 'NEXT_PUBLIC_', keyLike: 'name', line: 2 }),
            envVar({ name: 'PUBLIC_APPWRITE_KEY', publicPrefix: 'PUBLIC_', keyLike: 'name', path: '.env.example', template: true, hasValue: false, line: 7 }),
            envVar({ name: 'EXPO_PUBLIC_APPWRITE_API_KEY', publicPrefix: 'EXPO_PUBLIC_', keyLike: 'name', hasValue: false, line: 9 }),
          ],
        }),
      },
      errors: [
        { messageId: 'keyName', line: 2, severity: 'high' },
        { messageId: 'template', path: '.env.example', line: 7, severity: 'medium' },
        { messageId: 'template', path: '.env', line: 9, severity: 'medium' },
      ],
    },
    {
      name: 'code reading a public key variable',
      facts: { 'source-inventory': inventory({ envReads: [envRead({ name: 'NEXT_PUBLIC_APPWRITE_API_KEY', publicPrefix: 'NEXT_PUBLIC_', path: 'src/a.tsx', line: 9 })] }) },
      errors: [{ messageId: 'codeRead', path: 'src/a.tsx', line: 9, severity: 'high' }],
    },
  ],
});
