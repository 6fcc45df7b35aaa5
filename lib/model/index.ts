export * from './snapshot';
export * from './vetting';
export * from './shortlist';
export { z } from './zod';
export * from './comments';
