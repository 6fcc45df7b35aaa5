import type { PlatformDefinition } from '../types';
import { extractLinkedin, readLinkedinBody, readLinkedinDocument, settleLinkedin } from './extract';
import { linkedinUrls } from './url';

export const linkedin: PlatformDefinition = {
  ...linkedinUrls,
  name: 'LinkedIn',
  extract: extractLinkedin,
  readBody: readLinkedinBody,
  readDocument: readLinkedinDocument,
  settle: settleLinkedin,
};
