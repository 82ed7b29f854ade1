/**
 * The "download my data" zip: `data.json` (everything, machine-readable) and readable Markdown
 * (`README.md` with the profile, comments, supports, reports and sessions; `dokumenter/<id>.md`,
 * the text of each document the person owns). Built in memory and bounded: the files together may
 * not exceed EXPORT_MAX_BYTES before compression (AccountError `export_too_large`).
 */
import { strToU8, zipSync } from 'fflate';
import type { Translate } from '../../i18n/t';
import { escapeMarkdownText } from '../../versions/export/bodyToMarkdown';
import { AccountError } from '../AccountError';
import type { ExportedComment, PersonalComments } from './collectPersonalData';

/** 50 MiB of JSON and Markdown before compression: far beyond what one person writes in comments. */
export const EXPORT_MAX_BYTES = 50 * 1024 * 1024;

export interface ExportProfile {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly organisations: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** Single sign-on links (provider and the e-mail it sent); absent in exports composed without them. */
  readonly signInProviders?: ReadonlyArray<{
    readonly providerId: string;
    readonly email: string;
    readonly createdAt: string;
    readonly lastUsedAt: string;
  }>;
}

export interface ExportDocument {
  readonly id: string;
  readonly title: string;
  readonly state: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The body as Markdown (bodyToMarkdown). */
  readonly markdown: string;
}

export interface ExportSession {
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly device: string | null;
}

export interface PersonalDataExport extends PersonalComments {
  readonly exportedAt: string;
  readonly profile: ExportProfile;
  readonly documents: readonly ExportDocument[];
  readonly sessions: readonly ExportSession[];
}

/** One line of plain text as Markdown text: inline markup and a block marker at its start escaped. */
function text(value: string): string {
  return escapeMarkdownText(value)
    .replace(/^([#>+\-=])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/** Multi-line plain text as a block quote, each line escaped. */
function quote(value: string): string {
  return value
    .split(/\r?\n/)
    .map((line) => (line === '' ? '>' : `> ${text(line)}`))
    .join('\n');
}

function commentMarkdown(comment: ExportedComment, t: Translate): string {
  const lines = [`### ${text(comment.documentTitle)} · ${t(`account.export.kind.${comment.kind}`)} · ${comment.createdAt}`, ''];
  lines.push(`- ${t('account.export.commentId', { id: comment.id })}`);
  if (comment.inReplyTo) lines.push(`- ${t('account.export.inReplyTo', { id: comment.inReplyTo })}`);
  if (comment.category) lines.push(`- ${t('account.export.category', { category: t(`feedback.category.${comment.category}`) })}`);
  if (comment.organisation) lines.push(`- ${t('account.export.organisation', { name: text(comment.organisation) })}`);
  if (comment.editedAt) lines.push(`- ${t('account.export.edited', { at: comment.editedAt })}`);
  if (comment.deletedAt) lines.push(`- ${t('account.export.deleted', { at: comment.deletedAt })}`);
  if (comment.hidden) lines.push(`- ${t('account.export.hidden')}`);
  if (comment.answerStatus) lines.push(`- ${t('account.export.answered', { status: t(`comments.answer.${comment.answerStatus}`) })}`);
  if (comment.decision) lines.push(`- ${t('account.export.decided', { decision: t(`account.export.decision.${comment.decision}`) })}`);
  if (comment.passage) lines.push('', t('account.export.passage'), '', quote(comment.passage));
  if (comment.replacement !== null) lines.push('', t('account.export.replacement'), '', quote(comment.replacement));
  if (comment.text !== '') lines.push('', quote(comment.text));
  return lines.join('\n');
}

function readme(data: PersonalDataExport, t: Translate): string {
  const { profile } = data;
  const none = t('account.export.none');
  const out = [`# ${t('account.export.title')}`, '', t('account.export.readme', { at: data.exportedAt }), ''];
  out.push(`## ${t('account.export.profile')}`, '');
  out.push(`- ${t('account.export.field.name')}: ${text(profile.name)}`);
  out.push(`- ${t('account.email')}: ${text(profile.email)}`);
  out.push(`- ${t('account.export.field.role')}: ${text(profile.role)}`);
  out.push(`- ${t('account.export.field.created')}: ${profile.createdAt}`);
  const organisations = profile.organisations.map((organisation) => text(organisation.name)).join(', ');
  out.push(`- ${t('account.export.field.organisations')}: ${organisations || none}`);
  const providers = (profile.signInProviders ?? []).map((link) => `${text(link.providerId)} (${text(link.email)})`).join(', ');
  out.push(`- ${t('account.export.field.signInProviders')}: ${providers || none}`, '');
  out.push(`## ${t('account.export.comments')}`, '');
  if (data.comments.length === 0) out.push(none, '');
  for (const comment of data.comments) out.push(commentMarkdown(comment, t), '');
  out.push(`## ${t('account.export.supports')}`, '');
  if (data.supports.length === 0) out.push(none);
  for (const support of data.supports)
    out.push(
      `- ${text(support.documentTitle)}: ${support.commentId === null ? t('account.export.postSupport') : t('account.export.commentId', { id: support.commentId })}`,
    );
  out.push('', `## ${t('account.export.reports')}`, '');
  if (data.reports.length === 0) out.push(none);
  for (const report of data.reports) {
    const note = report.note === '' ? '' : `: ${text(report.note)}`;
    out.push(
      `- ${report.at} · ${text(report.documentTitle)} · ${t('account.export.commentId', { id: report.commentId })} · ${report.ground}${note}`,
    );
  }
  out.push('', `## ${t('account.export.documents')}`, '');
  if (data.documents.length === 0) out.push(none);
  for (const document of data.documents) out.push(`- [${text(document.title)}](${documentPath(document)})`);
  out.push('', `## ${t('account.export.sessions')}`, '');
  if (data.sessions.length === 0) out.push(none);
  for (const session of data.sessions) {
    out.push(`- ${t('account.export.session', { created: session.createdAt, seen: session.lastSeenAt, device: session.device ?? '?' })}`);
  }
  return `${out.join('\n')}\n`;
}

function documentPath(document: ExportDocument): string {
  return `dokumenter/${document.id.replace(/[^A-Za-z0-9_-]/g, '_')}.md`;
}

/** The files of the export, by path; throws `export_too_large` past EXPORT_MAX_BYTES. */
export function personalDataFiles(data: PersonalDataExport, t: Translate, maxBytes = EXPORT_MAX_BYTES): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  const add = (path: string, content: string) => {
    const bytes = strToU8(content);
    total += bytes.byteLength;
    if (total > maxBytes) throw new AccountError('export_too_large', `the export would exceed ${maxBytes} bytes`);
    files[path] = bytes;
  };
  add('data.json', `${JSON.stringify({ format: 'samskriv-personal-data/1', ...data }, null, 2)}\n`);
  add('README.md', readme(data, t));
  for (const document of data.documents) {
    const heading = `# ${text(document.title)}\n\n`;
    add(documentPath(document), heading + document.markdown);
  }
  return files;
}

/** The export as a zip (deflated; entry times fixed to the export's time). */
export function zipPersonalData(data: PersonalDataExport, t: Translate): Uint8Array {
  const mtime = new Date(data.exportedAt);
  const files = personalDataFiles(data, t);
  return zipSync(Object.fromEntries(Object.entries(files).map(([path, bytes]) => [`samskriv-data/${path}`, [bytes, { mtime }]])), {
    level: 6,
  });
}
