/**
 * `PASSWORD_SIGN_IN_ROLES`: the platform roles that may sign in with a local password, comma
 * separated (`citizen,org_rep`); unset or empty: every role; `none`: no role (single sign-on only).
 * A municipality that signs its staff in through Entra ID turns passwords off for them, so a
 * leaked or guessed staff password is worth nothing.
 */
import { z } from '../zodWithoutEval';
import { PLATFORM_ROLES, type PlatformRole } from '../access/model';

export const passwordRolesSchema = z
  .string()
  .default('')
  .transform((text, context): readonly PlatformRole[] => {
    const value = text.trim();
    if (value === '') return PLATFORM_ROLES;
    if (value === 'none') return [];
    const roles = value.split(',').map((role) => role.trim());
    const unknown = roles.filter((role) => !(PLATFORM_ROLES as readonly string[]).includes(role));
    if (unknown.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `unknown role ${unknown.map((role) => `"${role}"`).join(', ')} (roles: ${PLATFORM_ROLES.join(', ')}, or "none")`,
      });
      return z.NEVER;
    }
    return PLATFORM_ROLES.filter((role) => roles.includes(role));
  });
