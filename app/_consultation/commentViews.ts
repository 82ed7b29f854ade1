/**
 * TEMPORARY: the comments API's response types as plan.md specifies them, until helper B's
 * lib/comments views land; then this file re-exports those.
 */
import type { DocumentState } from '../../lib/access/model';
import type { Anchor, AnswerStatus, ReportGround, SuggestionDecision, ThreadKind } from '../../lib/comments/model';

export interface CommentView {
  readonly id: string;
  readonly threadId: string;
  readonly parentId: string | null;
  readonly kind: ThreadKind | 'reply';
  readonly anchor: Anchor | null;
  readonly text: string;
  readonly replacement?: string;
  readonly author: {
    readonly kind: 'person' | 'guest';
    readonly name: string;
    readonly organisation?: { readonly id: string; readonly name: string };
  } | null;
  readonly createdAt: string;
  readonly editedAt?: string;
  readonly state: 'visible' | 'hidden' | 'deleted';
  readonly hiddenGround?: ReportGround;
  readonly resolved?: { readonly by: { readonly id: string; readonly name: string }; readonly at: string };
  readonly decision?: {
    readonly decision: SuggestionDecision;
    readonly reason: string;
    readonly by: { readonly id: string; readonly name: string };
    readonly at: string;
  };
  readonly answer?: {
    readonly status: AnswerStatus;
    readonly text: string;
    readonly by: { readonly id: string; readonly name: string };
    readonly at: string;
  };
  readonly supportCount: number;
  readonly supportedByMe: boolean;
  readonly mine: boolean;
  readonly reportedByMe: boolean;
  readonly reports?: readonly { readonly ground: ReportGround; readonly note: string; readonly at: string }[];
}

export interface ViewerCapabilities {
  readonly signedIn: boolean;
  readonly guest: { readonly name: string } | null;
  readonly canComment: boolean;
  readonly commentRefusal: string | null;
  readonly canRespond: boolean;
  readonly canModerate: boolean;
  readonly canChangePhase: boolean;
  readonly guestsMayJoin: boolean;
}

export interface ConsultationView {
  readonly state: DocumentState;
  readonly opensAt: string | null;
  readonly closesAt: string | null;
  readonly openNow: boolean;
  readonly citizensMayComment: boolean;
  readonly organisationsMayComment: boolean;
  readonly guestsMayComment: boolean;
}

export interface CommentsResponse {
  readonly revision: number;
  readonly comments: readonly CommentView[];
  readonly viewer: ViewerCapabilities;
  readonly consultation: ConsultationView;
}
