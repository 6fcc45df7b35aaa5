import type { PlatformDefinition } from '../types';
import { collectLinkedinDocument } from './collect';
import {
  extractLinkedin,
  readLinkedinBody,
  readLinkedinDocument,
  readLinkedinMaterial,
  settleLinkedin,
} from './extract';
import { linkedinFacts } from './facts';
import { linkedinTap } from './tap';
import { linkedinUrls } from './url';

export const linkedin: PlatformDefinition = {
  ...linkedinUrls,
  name: linkedinFacts.name,
  facts: linkedinFacts,
  tap: linkedinTap,
  extract: extractLinkedin,
  readBody: readLinkedinBody,
  readDocument: readLinkedinDocument,
  collectDocument: collectLinkedinDocument,
  readMaterial: readLinkedinMaterial,
  settle: settleLinkedin,
};
