/**
 * Match patterns for every host Scout reads. The only host access the extension asks for:
 * content-script matches and the sidebar's web-accessible scope are built from this list.
 */
export const HOST_MATCHES = [
  'https://*.tiktok.com/*',
  'https://*.instagram.com/*',
  'https://*.linkedin.com/*',
] as const;
