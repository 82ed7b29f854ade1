/**
 * Configuration, validated once at start-up. A bad value stops the process with a message that
 * names the variable; everything inward receives the typed `Config`.
 */
import { z } from './zodWithoutEval';
import { parseEmbedOrigins } from './security/embedOrigins';
import { publicUrlSchema } from './mail/publicUrlSchema';
import { smtpUrlSchema } from './mail/smtpUrlSchema';
import { serviceUrlSchema } from './serviceUrlSchema';
import { FullSyncDefaults, PresenceDefaults } from './protocol';
import { oidcProvidersTextSchema } from './oidc/providersSchema';
import { passwordRolesSchema } from './oidc/passwordRolesSchema';
import { readProvidersFile } from './oidc/readProvidersFile';
import { PLATFORM_ROLES } from './access/model';
import { accessibilityStatementUrlSchema } from './a11y/accessibilityStatementUrlSchema';

const MiB = 1024 * 1024;

const integer = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

const fieldsSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** HS256 key for sessions and sync tokens; generated into the data dir when absent. */
  AUTH_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  SYNC_MAX_MESSAGE_BYTES: integer(1024, 8 * MiB),
  SYNC_IDLE_UNLOAD_MS: integer(0, 30_000),
  SYNC_PING_INTERVAL_MS: integer(100, 30_000),
  /** 0: appends that arrive while an fsync is running share the next one; more widens the window. */
  SYNC_GROUP_COMMIT_MS: integer(0, 0),
  /**
   * With SYNC_GROUP_COMMIT_MS 0: how long a busy document's appends (several within a few ms) wait to
   * share one durable write (server/storage/CommitDelay.ts); a quiet document writes at once. 0: never.
   */
  SYNC_GROUP_COMMIT_BUSY_MS: integer(0, 2),
  /** The log since the last snapshot is what a load after a crash replays: these bound it (and its merge time). */
  SYNC_COMPACT_AFTER_BYTES: integer(1024, MiB),
  SYNC_COMPACT_AFTER_RECORDS: integer(1, 1000),
  HTTP_MAX_BODY_BYTES: integer(256, 64 * 1024),
  /** Sync sockets open at once from one IP address (refused beyond it with Close.tooManyConnections). */
  SYNC_MAX_SOCKETS_PER_IP: integer(1, 200),
  /** Sync upgrades being authorized at once from one IP address (refused beyond it with HTTP 429). */
  SYNC_MAX_UPGRADES_PER_IP: integer(1, 20),
  /** Sync step 1 answers (full-state syncs) per minute per connection and per IP; a reply counts once per MiB begun. */
  SYNC_FULL_SYNCS_PER_MINUTE_PER_CONNECTION: integer(1, FullSyncDefaults.perMinutePerConnection),
  SYNC_FULL_SYNCS_PER_MINUTE_PER_IP: integer(1, FullSyncDefaults.perMinutePerIp),
  SYNC_PRESENCE_MAX_BYTES: integer(256, PresenceDefaults.maxStateBytes),
  SYNC_PRESENCE_UPDATES_PER_SECOND: integer(1, PresenceDefaults.updatesPerSecond),
  SYNC_PRESENCE_REPLAY_MAX_BYTES: integer(1024, PresenceDefaults.replayMaxBytes),
  /** Stock clients renew their presence every ~15 s: a shorter timeout would make everyone flicker. */
  SYNC_PRESENCE_TIMEOUT_MS: integer(20_000, PresenceDefaults.timeoutMs),
  /** Time a client has to send a request's headers (slow-header clients are cut off). */
  HTTP_HEADERS_TIMEOUT_MS: integer(100, 20_000),
  /** Time a client has to send a whole request (headers and body); not applied to WebSocket traffic after the upgrade. */
  HTTP_REQUEST_TIMEOUT_MS: integer(100, 60_000),
  /** How long an idle keep-alive connection stays open; behind a proxy, make it longer than the proxy's. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: integer(100, 5_000),
  /** Origins that may frame /embed/* (CSP frame-ancestors); empty: none. */
  EMBED_ORIGINS: z
    .string()
    .default('')
    .transform((value, context) => {
      try {
        return parseEmbedOrigins(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  /** New accounts (POST /api/account/sign-up) per IP address per hour. */
  SIGNUPS_PER_IP_PER_HOUR: integer(1, 30),
  /** Platform API requests per API key per minute. */
  API_RATE_LIMIT_PER_MINUTE: integer(1, 120),
  /** `smtp://user:pass@host:port` or `smtps://…`: reset links are e-mailed; empty: admins hand them over. */
  SMTP_URL: smtpUrlSchema,
  /**
   * The address people use, e.g. `https://samskriv.kommune.dk`: links in e-mails point here, never
   * to the Host or Origin of a request (which a client chooses). Required with SMTP_URL.
   */
  PUBLIC_URL: publicUrlSchema,
  /** The sender of those e-mails. */
  SMTP_FROM: z
    .string()
    .trim()
    .default('')
    .transform((value) => (value === '' ? 'Samskriv <noreply@samskriv.invalid>' : value)),
  /** The local hour (0-23, Europe/Copenhagen) daily and weekly (Monday) notification digests are e-mailed at. */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** PostgreSQL 15+ (`postgres://user:pass@host:5432/samskriv`): set, everything durable lives there instead of DATA_DIR. */
  DATABASE_URL: serviceUrlSchema(['postgres:', 'postgresql:'], 'postgres://user:pass@host:5432/samskriv'),
  /** Redis (`redis://host:6379` or `rediss://…`): what crosses server processes when several serve the same data. */
  REDIS_URL: serviceUrlSchema(['redis:', 'rediss:'], 'redis://host:6379'),
  /** In a cluster: how long a stored update may wait for its own node to publish it before the other nodes do. */
  SYNC_RELAY_STALE_MS: integer(100, 15_000),
  /** How long after a body's first stored edit the server looks for new mentions and changed passages (issue 12; one look per burst). */
  BODY_WATCH_DELAY_MS: integer(0, 10_000),
  /** Chromium, which prints versions and høringsnotater to PDF; PDF exports answer 503 without it. */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** Longest one PDF may take to print, Chromium's start included. */
  PDF_TIMEOUT_MS: integer(1000, 30_000),
  /** Largest PDF an export may be. */
  PDF_MAX_BYTES: integer(64 * 1024, 50 * MiB),
  /** Versions read for pages and exports kept in memory (they never change), by total size; 0: none. */
  VERSION_CACHE_BYTES: integer(0, 32 * MiB),
  // session 8: oidc
  /** OpenID Connect providers, a JSON array (see README "Single sign-on"); or OIDC_PROVIDERS_FILE, a file holding it. */
  OIDC_PROVIDERS: oidcProvidersTextSchema,
  /** Roles that may sign in with a password, comma separated; empty: all; `none`: single sign-on only. */
  PASSWORD_SIGN_IN_ROLES: passwordRolesSchema,
  // session 9: rough edges
  /** The footer's accessibility statement: an http(s) address or a path; empty: the app's own /tilgaengelighed. */
  ACCESSIBILITY_STATEMENT_URL: accessibilityStatementUrlSchema,
});

export const configSchema = fieldsSchema.superRefine((config, context) => {
  if (config.SMTP_URL !== undefined && config.PUBLIC_URL === undefined) {
    context.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'is required when SMTP_URL is set (links in e-mails point there)' });
  }
  if (config.REDIS_URL !== undefined && config.DATABASE_URL === undefined) {
    // Nodes relay updates they never store again: they must all store into the same place. An
    // embedded data dir per node is not one, and two processes on one data dir corrupt it.
    context.addIssue({
      code: 'custom',
      path: ['REDIS_URL'],
      message: 'needs DATABASE_URL: the nodes of a cluster share one PostgreSQL store',
    });
  }
  if (config.PASSWORD_SIGN_IN_ROLES.length < PLATFORM_ROLES.length && config.OIDC_PROVIDERS.length === 0) {
    // Whoever has a role without passwords could not sign in at all.
    context.addIssue({
      code: 'custom',
      path: ['PASSWORD_SIGN_IN_ROLES'],
      message: 'turns passwords off for some roles: needs OIDC_PROVIDERS',
    });
  }
  if (config.HTTP_HEADERS_TIMEOUT_MS > config.HTTP_REQUEST_TIMEOUT_MS) {
    context.addIssue({ code: 'custom', path: ['HTTP_HEADERS_TIMEOUT_MS'], message: 'must not be longer than HTTP_REQUEST_TIMEOUT_MS' });
  }
});

export type Config = z.output<typeof configSchema> & { readonly dev: boolean };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the configuration from an environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>, options: { dev?: boolean } = {}): Config {
  let source: Record<string, string | undefined>;
  try {
    source = readProvidersFile(env);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${(error as Error).message}`);
  }
  const result = configSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return { ...result.data, dev: options.dev ?? false };
}
