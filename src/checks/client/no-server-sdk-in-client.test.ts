import { testCheck } from '../../../test/support/check-tester.js';
import { inventory, sdkImport } from '../../code/fixtures.js';
import { noServerSdkInClient } from './no-server-sdk-in-client.js';

testCheck(noServerSdkInClient, {
  valid: [
    { name: 'node-appwrite on the server', facts: { 'source-inventory': inventory({ sdkImports: [sdkImport({ runtime: 'server' })] }) } },
    { name: 'node-appwrite in an Appwrite function', facts: { 'source-inventory': inventory({ sdkImports: [sdkImport({ runtime: 'function' })] }) } },
    { name: 'web SDK in the browser', facts: { 'source-inventory': inventory({ sdkImports: [sdkImport({ pkg: 'appwrite', flavor: 'client', runtime: 'client' })] }) } },
    { name: 'used only by getServerSideProps (stripped from the bundle)', facts: { 'source-inventory': inventory({ sdkImports: [sdkImport({ runtime: 'client', clientReachable: false })] }) } },
    { name: 'runtime unknown is not judged', facts: { 'source-inventory': inventory({ sdkImports: [sdkImport({ runtime: 'unknown' })] }) } },
  ],
  invalid: [
    {
      name: 'node-appwrite in a "use client" component and dart_appwrite in a Flutter app',
      facts: {
        'source-inventory': inventory({
          sdkImports: [
            sdkImport({ path: 'src/components/Admin.tsx', line: 3, runtime: 'client', runtimeReason: '"use client" module' }),
            sdkImport({ path: 'lib/admin.dart', line: 1, pkg: 'dart_appwrite', runtime: 'client', runtimeReason: 'Flutter app' }),
          ],
        }),
      },
      errors: [
        { messageId: 'serverSdk', path: 'src/components/Admin.tsx', line: 3, resourceId: 'src/components/Admin.tsx' },
        { messageId: 'serverSdk', path: 'lib/admin.dart', line: 1 },
      ],
    },
  ],
});
