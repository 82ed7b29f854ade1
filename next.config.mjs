// Next.js configuration. Turbopack builds it (no `webpack` key); the custom server in server/
// serves the build, so no `output: 'standalone'` (that would drop the sync endpoint).

/** Headers for every response. */
const commonHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // One copy of Yjs in the server process: the sync code and anything Next renders share it.
  serverExternalPackages: ['yjs', 'y-protocols', 'lib0', 'pino', 'lowdb', 'ws'],
  async headers() {
    return [
      { source: '/:path*', headers: commonHeaders },
      // Pages get their Content-Security-Policy (with a per-request nonce, and frame-ancestors from
      // EMBED_ORIGINS on /embed/*) from proxy.ts. JSON answers load nothing and are never framed.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }] },
      // The service worker: its own fetches go to this origin only; always checked for a new build.
      {
        source: '/sw.js',
        headers: [
          { key: 'Content-Security-Policy', value: "default-src 'self'" },
          { key: 'Cache-Control', value: 'no-cache' },
        ],
      },
      // Old browsers without CSP frame-ancestors: everything but the embed route refuses framing.
      { source: '/:path((?!embed/).*)', headers: [{ key: 'X-Frame-Options', value: 'DENY' }] },
    ];
  },
};

export default nextConfig;
