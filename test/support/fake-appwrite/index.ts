export { startFakeAppwrite, type FakeAppwrite, type FakeAppwriteOptions, type Fault, type RecordedExchange } from './server.js';
export { compareVersions, toJson } from './wire.js';
export { buildProject, buildState, newKeySecret, SEED_TIME, type FakeSeed, type ProjectSeed } from './seed.js';
export type { FakeState, FakeProject, FakeKey } from './state.js';
export { ERRORS, type ErrorType } from './errors.js';
export { ROUTES } from './routes.js';
