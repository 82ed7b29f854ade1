/**
 * What the server does with the editor's schema (tiptap, ProseMirror, y-tiptap: the largest modules
 * it loads), gathered in one module that is imported on first need (loadBodyTools.ts) rather than at
 * start. Importing anything here statically from server start-up code brings the schema back into
 * the start (tests/integration/startImports.test.ts checks that it does not).
 */
export { anchorIsAhead, passageExists } from '../comments/anchorCheck';
export { changedPassages } from '../comments/passageChanges';
export { buildConsultationReport } from '../comments/report/buildConsultationReport';
export { acceptedSuggestions, suggestionChanges } from '../comments/report/suggestionChanges';
export { encodeBody } from '../documents/encodeBody';
export { bodyJsonOf, bodyJsonOfDoc, bodySchema } from '../versions/bodyJsonOf';
export { bodyToMarkdown } from '../versions/export/bodyToMarkdown';
export { renderBodyHtml } from '../versions/renderBodyHtml';
export { restoreUpdate } from '../versions/restoreUpdate';
