/** The directory holding initdb and postgres (installs Debian's package when missing and possible). */
export function ensurePostgres(): string;
