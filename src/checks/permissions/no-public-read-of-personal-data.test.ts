import { testCheck } from '../../../test/support/check-tester.js';
import { attr, collection, project, table } from './__fixtures__/project.js';
import { noPublicReadOfPersonalData } from './no-public-read-of-personal-data.js';

const emails = await project({ collections: [collection('subscribers', ['read("any")'], { attributes: [attr('email', 'string', { format: 'email' })] })] });
const tokens = await project({ tables: [table('integrations', ['read("guests")'], { columns: [attr('apiToken')] })] });
const byName = await project({ collections: [collection('customers', ['read("any")'], { name: 'Customers', attributes: [attr('notes')] })] });
const extraTerm = await project({ collections: [collection('pets', ['read("any")'], { attributes: [attr('microchipNumber')] })] });

testCheck(noPublicReadOfPersonalData, {
  valid: [
    { name: 'public catalogue', facts: (await project({ collections: [collection('products', ['read("any")'], { attributes: [attr('title'), attr('price', 'double')] })] })).facts },
    { name: 'personal data read by users only (other check)', facts: (await project({ collections: [collection('profiles', ['read("users")'], { attributes: [attr('email')] })] })).facts },
    { name: 'custom term not configured', facts: extraTerm.facts },
  ],
  invalid: [
    { name: 'emails readable by anyone', facts: emails.facts, errors: [{ messageId: 'publicRead', line: emails.line('read(\\"any\\")'), severity: 'high', resourceId: 'main/subscribers' }] },
    { name: 'tokens readable by guests are critical', facts: tokens.facts, errors: [{ messageId: 'publicRead', severity: 'critical' }] },
    { name: 'resource name alone', facts: byName.facts, errors: [{ messageId: 'publicRead', severity: 'high' }] },
    {
      name: 'configured extra term',
      facts: extraTerm.facts,
      config: { appwriteProject: { personalDataTerms: ['microchip'] } } as never,
      errors: [{ messageId: 'publicRead', resourceId: 'main/pets' }],
    },
  ],
});
