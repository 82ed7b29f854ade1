// @ts-check
// The service worker build (configurator mode): `serwist build serwist.config.mjs` runs after
// `next build` (scripts/build.mjs) and bundles app/sw.ts into public/sw.js with the list of this
// build's static files. Nothing is prerendered here (every page is force-dynamic for its CSP
// nonce), so the precache holds `/_next/static/**` and `public/**`; pages are cached at run time.
import { serwist } from '@serwist/next/config';

export default await serwist({
  swSrc: 'app/sw.ts',
  swDest: 'public/sw.js',
  precachePrerendered: false,
  // Source maps are not served to browsers from the precache.
  globIgnores: ['**/*.map'],
  esbuildOptions: { define: { 'process.env.NODE_ENV': '"production"' } },
});
