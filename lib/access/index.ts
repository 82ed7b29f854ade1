export { can } from './can';
export { effectiveDocumentRole, roleAtLeast } from './effectiveDocumentRole';
export { ALLOW_REASONS, DENY_REASONS, type AccessDecision, type AllowReason, type DenyReason } from './decision';
export * from './model';
export {
  DEFAULT_CONSULTATION,
  consultationResourceOf,
  consultationTiming,
  isConsultationOpen,
  withConsultationDefaults,
} from './consultation';
