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
      // The embed route is made to be framed by other platforms (municipal sites, Decidim, Go Vocal).
      { source: '/embed/:path*', headers: [{ key: 'Content-Security-Policy', value: 'frame-ancestors *' }] },
      // Everything else refuses framing (clickjacking).
      {
        source: '/:path((?!embed/).*)',
        headers: [
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
