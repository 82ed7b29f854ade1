import { MemoryCommentStore } from '../../../server/comments/MemoryCommentStore';
import { commentStoreContract } from './commentStoreContract';

commentStoreContract('MemoryCommentStore', () => new MemoryCommentStore());
