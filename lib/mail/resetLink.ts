/** The page where a one-time password-reset token is used. */
export function resetLink(origin: string, token: string): string {
  return `${origin}/konto/nulstil?token=${encodeURIComponent(token)}`;
}
