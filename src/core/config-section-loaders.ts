/**
 * Every top-level key of appwrite-secops.yaml, in the order of the whole schema, with a loader for the
 * module that defines its section. Reading a config file loads only the sections it sets: the schemas of
 * the others (and zod's cost of building them) stay out of the run, and their defaults come from
 * ./config-defaults.generated.ts. A test holds this list to ./config-schema.ts, key for key.
 */
import type * as z from 'zod';

type Shape = Record<string, z.ZodType>;
type Loader = () => Promise<Shape>;

const core: Loader = async () => (await import('./config-core.js')).coreShape;
const gates: Loader = async () => (await import('../gates/config.js')).gatesConfigSection;
const secrets: Loader = async () => (await import('../secrets/config.js')).secretsConfigSection;
const appwriteProject: Loader = async () => (await import('../appwrite-project/config.js')).appwriteProjectConfigSection;
const threatModel: Loader = async () => (await import('../threat-model/config.js')).threatModelConfigSection;
const live: Loader = async () => (await import('../live/config.js')).liveConfigSection;
const deps: Loader = async () => (await import('../deps/config.js')).depsConfigSection;
const store: Loader = async () => (await import('../store/config.js')).storeConfigSection;
const keys: Loader = async () => (await import('../keys/config.js')).keysConfigSection;

export const SECTION_LOADERS: readonly (readonly [key: string, load: Loader])[] = [
  ['$schema', core],
  ['failOn', core],
  ['checks', core],
  ['exceptions', core],
  ['exceptionPolicy', core],
  ['evidence', core],
  ['selfhost', core],
  ['gates', gates],
  ['monitoring', gates],
  ['secrets', secrets],
  ['appwriteProject', appwriteProject],
  ['threatModel', threatModel],
  ['environments', live],
  ['live', live],
  ['dependencies', deps],
  ['store', store],
  ['keys', keys],
];
