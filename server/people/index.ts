/** People, organisations, workspaces and sessions on the server: stores, services and access events. */
export { LowAccountStore } from './LowAccountStore';
export { MemoryAccountStore } from './MemoryAccountStore';
export { createAccountService, type AccountService, type AccountServiceOptions } from './createAccountService';
export type { SignInRequest, SignInResult } from './createSignIn';
export { createSessionService, type ResolvedSession, type SessionService } from './createSessionService';
export { createOrganisationService, type OrganisationInput, type OrganisationService } from './createOrganisationService';
export { createWorkspaceService, type WorkspaceService } from './createWorkspaceService';
export { createSetupService, type SetupService } from './createSetupService';
export { createAccessEvents, type AccessEvents, type AccessRevoked, type AccessRevokedReason } from './accessEvents';
export { PeopleError, PEOPLE_ERROR_CODES, type PeopleErrorCode, type InputIssue } from '../../lib/people/PeopleError';
export type { PeopleServiceOptions } from './PeopleServiceOptions';
export type { PageQueryRequest } from '../../lib/people/pageQuerySchema';
export type { WorkspaceRequest } from '../../lib/people/workspaceSchema';
export * from './sessionPolicy';
export { createPrincipalResolver, createPrincipalByHashResolver, type Principal } from './createPrincipalResolver';
