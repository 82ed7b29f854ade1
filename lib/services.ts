/**
 * The running process's services, handed from the server entry to Next.js route handlers and
 * pages. Next bundles app code separately from server/, so module singletons are not shared;
 * the process-wide registry on globalThis is.
 */
import type { MentionService } from './mentions/MentionService';
import type { Config } from './config';
import type { DocumentService } from './documents/DocumentService';
import type { AccountStore } from './people/AccountStore';
import type { AccountService } from './people/AccountService';
import type { OrganisationService } from './people/OrganisationService';
import type { Principal } from './people/Principal';
import type { SessionService } from './people/SessionService';
import type { SetupService } from './people/SetupService';
import type { WorkspaceService } from './people/WorkspaceService';
import type { ApiKeyService } from './apiKeys/ApiKeyService';
import type { FixedWindowLimiter } from './apiKeys/FixedWindowLimiter';
import type { SharingService } from './sharing/SharingService';
import type { ResetMailService } from './mail/ResetMailService';
import type { SignUpNoticeService } from './mail/SignUpNoticeService';
import type { CommentService } from './comments/CommentService';
import type { ForumService } from './forum/ForumService';
import type { VersionService } from './versions/VersionService';
import type { PdfPrinter } from './versions/export/PdfPrinter';
import type { NotificationService } from './notifications/NotificationService';
import type { AccountSelfService } from './account/AccountSelfService';
import type { OidcSignIn } from './oidc/OidcSignIn';
import type { NotificationSettingsService } from './notifications/NotificationSettingsService';
import type { AuthorshipService } from './authorship/AuthorshipService';
import type { SearchService } from './search/SearchService';

export interface AppLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Services {
  readonly config: Config;
  /** AUTH_SECRET, from the environment or generated into the data dir. */
  readonly secret: string;
  readonly documents: DocumentService;
  readonly accounts: AccountService;
  readonly sessions: SessionService;
  readonly setup: SetupService;
  readonly organisations: OrganisationService;
  readonly workspaces: WorkspaceService;
  /** People, organisations and workspaces as stored (lookups the services above do not offer). */
  readonly accountStore: AccountStore;
  /** Invite links and "ask to co-author" requests. */
  readonly sharing: SharingService;
  /** From the session cookie's id to who is acting; null when it is no valid session. */
  resolvePrincipal(sessionId: string | null | undefined): Promise<Principal | null>;
  /** API keys for the platform API (/api/v1), and the per-key rate limit. */
  readonly apiKeys: ApiKeyService;
  readonly apiLimiter: FixedWindowLimiter;
  /** Consultation comments, suggestions, supports, answers, reports and moderation (lib/comments). */
  readonly comments: CommentService;
  /** The knowledge forum "Fælles-skabet" (issue 14): posts, tags, supports (lib/forum). */
  readonly forum: ForumService;
  /** Published versions and consultation drafts of documents (issue 9). */
  readonly versions: VersionService;
  /** How many guest identities (POST /api/guest) one IP address may take per hour. */
  readonly guestLimiter: FixedWindowLimiter;
  /** Reset links by e-mail; null without `SMTP_URL` (admins hand links over themselves). */
  readonly resetMail: ResetMailService | null;
  /** Sign-ups per IP address an hour (`SIGNUPS_PER_IP_PER_HOUR`). */
  readonly signUpLimiter: FixedWindowLimiter;
  /** Tells an owner that someone signed up with their e-mail; null without `SMTP_URL`. */
  readonly signUpNotice: SignUpNoticeService | null;
  /** Prints exports (versions, høringsnotater) to PDF with Chromium (`CHROMIUM_PATH`); says when it cannot. */
  readonly pdf: PdfPrinter;
  /** In-app notifications and following (issue 12). */
  readonly notifications: NotificationService;
  /** /konto self-service: name, e-mail, sessions, the data export and account deletion (issue 12). */
  readonly selfService: AccountSelfService;
  /** Single sign-on through the OpenID providers of OIDC_PROVIDERS; null when none are configured. */
  readonly oidc: OidcSignIn | null;
  /** How often each person is e-mailed, and the e-mails' unsubscribe links (issue 12). */
  readonly notificationSettings: NotificationSettingsService;
  /** Attributed history: who wrote what (issue 12). */
  readonly authorship: AuthorshipService;
  /** Who may be mentioned in a document, and which mentions stand (issue 12). */
  readonly mentions: MentionService;
  /** Search across what a person may read (issue 14). */
  readonly search: SearchService;
  readonly logger: AppLogger;
}

const KEY = Symbol.for('samskriv.services');
type Registry = { [KEY]?: Services };

export function setServices(services: Services | undefined): void {
  (globalThis as Registry)[KEY] = services;
}

export function getServices(): Services {
  const services = (globalThis as Registry)[KEY];
  if (!services) throw new Error('Samskriv services are not initialised: start the app with `npm start` or `npm run dev`.');
  return services;
}
