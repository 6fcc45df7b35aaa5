import * as z from 'zod/mini';

// Zod probes `new Function` to compile fast paths; extension pages forbid eval and strict host-page
// CSPs report it as a violation. Every schema in Scout is built after this line runs.
z.config({ jitless: true });

export { z };
