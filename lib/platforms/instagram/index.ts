import type { PlatformDefinition } from '../types';
import { collectInstagramDocument } from './collect';
import {
  extractInstagram,
  readInstagramDocument,
  readInstagramMaterial,
  settleInstagram,
} from './extract';
import { instagramFacts } from './facts';
import { readInstagramBody } from './read-body';
import { instagramTap } from './tap';
import { instagramUrls } from './url';

export const instagram: PlatformDefinition = {
  ...instagramUrls,
  name: instagramFacts.name,
  facts: instagramFacts,
  tap: instagramTap,
  extract: extractInstagram,
  readBody: readInstagramBody,
  readDocument: readInstagramDocument,
  collectDocument: collectInstagramDocument,
  readMaterial: readInstagramMaterial,
  settle: settleInstagram,
};

export { readInstagramBody } from './read-body';
