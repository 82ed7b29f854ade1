/**
 * Which person an account at an OpenID provider signs in as: one link per provider and `sub` (the
 * provider's stable id for the person), made at the first sign-in. Later sign-ins go by the link,
 * never by e-mail, so a provider changing a person's address neither locks them out nor moves them
 * into someone else's account. Implementations: MemoryIdentityLinkStore (tests),
 * FileIdentityLinkStore (record log under DATA_DIR/records), PgIdentityLinkStore (migration 0006).
 */
export interface IdentityLink {
  readonly providerId: string;
  readonly subject: string;
  readonly personId: string;
  /** The e-mail the provider sent when the link was made (for admins and the data export). */
  readonly email: string;
  readonly createdAt: string;
  readonly lastUsedAt: string;
}

export interface IdentityLinkStore {
  get(providerId: string, subject: string): Promise<IdentityLink | null>;
  /** False (and nothing changes) when that provider's `sub` is linked already. */
  add(link: IdentityLink): Promise<boolean>;
  /** Records a sign-in through the link; nothing for an unknown link. */
  touch(providerId: string, subject: string, at: string): Promise<void>;
  /** A person's links, oldest first. */
  linksOf(personId: string): Promise<IdentityLink[]>;
  /** Removes a person's links (their account is deleted); returns how many. */
  deleteLinksOf(personId: string): Promise<number>;
  /** Waits for every write issued so far. */
  close(): Promise<void>;
}
