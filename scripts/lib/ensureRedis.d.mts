/** The path of redis-server (installs Debian's package when missing and possible). */
export function ensureRedis(): string;
