// `npm run dev -- <args>`: runs allinea from the TypeScript sources (through tsx), so an edit
// is live without a build. Child processes allinea starts inherit the choice.
process.env.ALLINEA_FROM_SOURCE = '1';
await import('../bin/allinea.js');
