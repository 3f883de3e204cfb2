/**
 * Config sections owned by feature areas. Each area keeps its schema beside its code and is listed here,
 * so the root schema stays strict (a typo in a key is an error, not a silently ignored setting).
 */
import { gatesConfigSection } from '../gates/config.js';
import { secretsConfigSection } from '../secrets/config.js';
import { appwriteProjectConfigSection } from '../appwrite-project/config.js';
import { threatModelConfigSection } from '../threat-model/config.js';
import { liveConfigSection } from '../live/config.js';
import { depsConfigSection } from '../deps/config.js';
import { storeConfigSection } from '../store/config.js';
import { keysConfigSection } from '../keys/config.js';

export const areaSections = {
  ...gatesConfigSection,
  ...secretsConfigSection,
  ...appwriteProjectConfigSection,
  ...threatModelConfigSection,
  ...liveConfigSection,
  ...depsConfigSection,
  ...storeConfigSection,
  ...keysConfigSection,
} as const;
