import { DOCUMENT_ROOTS } from '../../lib/protocol';

/**
 * Root shared types that sync tests of the bare protocol use (plain Y.Text and Y.Map roots, written
 * before the server accepted only the body). Production accepts only DOCUMENT_ROOTS; the test
 * servers accept these too unless a test passes `roots` (see syncKnownRoots.test.ts).
 */
export const PROTOCOL_TEST_ROOTS: readonly string[] = [...DOCUMENT_ROOTS, 't', 'noter', 'notes', 'big', 'trace', 'replay', 'm'];
