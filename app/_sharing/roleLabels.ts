/** The catalogue key for each document role's label ("Kan redigere", …). */
export const ROLE_LABELS = {
  owner: 'share.role.owner',
  editor: 'share.role.editor',
  commenter: 'share.role.commenter',
  viewer: 'share.role.viewer',
} as const;

export const roleLabel = (role: string) => ROLE_LABELS[role as keyof typeof ROLE_LABELS] ?? ROLE_LABELS.viewer;
