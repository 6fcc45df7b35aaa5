import type { PlatformDefinition } from '../types';
import { collectLinkedinDocument } from './collect';
import {
  extractLinkedin,
  readLinkedinBody,
  readLinkedinDocument,
  readLinkedinMaterial,
  settleLinkedin,
} from './extract';
import { linkedinUrls } from './url';

export const linkedin: PlatformDefinition = {
  ...linkedinUrls,
  name: 'LinkedIn',
  extract: extractLinkedin,
  readBody: readLinkedinBody,
  readDocument: readLinkedinDocument,
  collectDocument: collectLinkedinDocument,
  readMaterial: readLinkedinMaterial,
  settle: settleLinkedin,
};
