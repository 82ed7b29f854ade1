import { FileDocumentStore } from '../../../server/storage/FileDocumentStore';
import { documentStoreTraceContract } from './documentStoreContract';
import { tempDirsRemovedAfterAll } from './tempDirs';

const tempDir = tempDirsRemovedAfterAll('docs');

documentStoreTraceContract('FileDocumentStore', async () => new FileDocumentStore({ dir: await tempDir(), groupCommitMs: 2 }));
