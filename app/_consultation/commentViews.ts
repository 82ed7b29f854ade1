/** The comments API's response types (lib/comments/views.ts), under the names the panel uses. */
export type { CommentView, CommentsResponse, ConsultationView, ViewerCapabilities } from '../../lib/comments/views';
