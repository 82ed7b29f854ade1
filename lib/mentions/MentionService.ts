import type { PersonActor } from '../access/model';
import type { DocumentMeta } from '../storage/MetadataStore';
import type { MentionableList, MentionJudgement } from './model';

/**
 * Who may be mentioned in a document, and which asked-for mentions stand (issue 12). Refusals are
 * DomainErrors through the access gate (`not_found` for a document the asker may not read).
 */
export interface MentionService {
  /** People around the document who can read it (can() per candidate), whose name starts with `query`. */
  mentionable(asker: PersonActor, documentId: string, query: string): Promise<MentionableList>;
  /** Accepts the ids of people who can read the document now; refuses unknown ids and those who cannot. */
  judge(meta: DocumentMeta, personIds: readonly string[]): Promise<MentionJudgement>;
  /**
   * Before sharing the document with someone to mention (the composer's offer): the asker must be
   * allowed to share it (forbidden otherwise; not_found when they cannot read it), and the person
   * must be one of the people around it who cannot read it yet (not_found otherwise). Answers the
   * document as it is and the person's name.
   */
  shareTarget(asker: PersonActor, documentId: string, personId: string): Promise<{ readonly meta: DocumentMeta; readonly name: string }>;
}
