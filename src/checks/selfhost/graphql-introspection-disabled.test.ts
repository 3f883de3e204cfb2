import { testCheck } from '../../../test/support/check-tester.js';
import { env, envFacts, lineOf } from './__fixtures__/facts.js';
import { graphqlIntrospectionDisabled } from './graphql-introspection-disabled.js';

const K = '_APP_GRAPHQL_INTROSPECTION';
testCheck(graphqlIntrospectionDisabled, {
  valid: [
    { name: 'disabled', facts: envFacts({ '.env': env() }) },
    { name: 'development instance', facts: envFacts({ '.env': env({ _APP_ENV: 'development', [K]: 'enabled' }) }) },
  ],
  invalid: [
    { name: 'enabled', facts: envFacts({ '.env': env({ [K]: 'enabled' }) }), errors: [{ messageId: 'enabled', line: lineOf(env(), K), severity: 'low' }] },
    { name: 'unset: default enabled', facts: envFacts({ '.env': env({ [K]: null }) }), errors: [{ messageId: 'enabled', path: '.env' }] },
    { name: 'value provided at deploy time: cannot be judged', facts: envFacts({ '.env': env({ _APP_GRAPHQL_INTROSPECTION: '${FROM_VAULT}' }) }), errors: [{ messageId: 'fromEnvironment', status: 'error', path: '.env', line: lineOf(env(), '_APP_GRAPHQL_INTROSPECTION') }] },
  ],
});
