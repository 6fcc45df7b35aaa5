import type { PlatformDefinition } from '../types';
import { extractInstagram, readInstagramDocument, settleInstagram } from './extract';
import { readInstagramBody } from './read-body';
import { instagramUrls } from './url';

export const instagram: PlatformDefinition = {
  ...instagramUrls,
  name: 'Instagram',
  extract: extractInstagram,
  readBody: readInstagramBody,
  readDocument: readInstagramDocument,
  settle: settleInstagram,
};

export { readInstagramBody } from './read-body';
