import { describe, expect, it } from 'vitest';
import { type z } from 'zod';
import { firstIssueCode } from '../../../app/_shared/schemas';
import {
  emailSchema,
  newPasswordSchema,
  organisationSchema,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  signUpSchema,
} from '../../../lib/people/schemas';

/** The error code a form would show, or 'ok'. */
function codeOf(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  return result.success ? 'ok' : firstIssueCode(result.error);
}

const goodSignUp = { email: 'karen@eksempel.dk', password: 'en lang adgangskode', name: 'Karen Blixen' };

describe('sign-up schema', () => {
  it('accepts a sign-up and normalises the e-mail to trimmed lower case', () => {
    expect(signUpSchema.parse({ ...goodSignUp, email: '  Karen.Blixen@Eksempel.DK ', name: ' Karen ' })).toEqual({
      email: 'karen.blixen@eksempel.dk',
      password: 'en lang adgangskode',
      name: 'Karen',
    });
  });

  it.each([
    ['missing', undefined, 'email_required'],
    ['empty', '   ', 'email_required'],
    ['not a string', 42, 'email_required'],
    ['without @', 'karen.eksempel.dk', 'email_invalid'],
    ['without a domain', 'karen@', 'email_invalid'],
    ['without a top-level domain', 'karen@eksempel', 'email_invalid'],
    ['with a space inside', 'karen blixen@eksempel.dk', 'email_invalid'],
    ['with two @', 'karen@@eksempel.dk', 'email_invalid'],
    ['with angle brackets', '<script>@eksempel.dk', 'email_invalid'],
    ['with a right-to-left override', 'karen@eksempel.dk\u202e', 'email_invalid'],
    ['with a zero-width space', 'ka\u200bren@eksempel.dk', 'email_invalid'],
    ['with two dots in a row', 'karen..blixen@eksempel.dk', 'email_invalid'],
    ['starting with a dot', '.karen@eksempel.dk', 'email_invalid'],
    ['with a quote', 'ka"ren@eksempel.dk', 'email_invalid'],
    ['with a one-letter top-level domain', 'karen@eksempel.d', 'email_invalid'],
    ['with a domain label over 63 characters', `karen@${'b'.repeat(64)}.dk`, 'email_invalid'],
    ['longer than 254 characters', `${'a'.repeat(64)}@${'b'.repeat(190)}.dk`, 'email_too_long'],
  ])('refuses an e-mail that is %s', (_what, email, code) => {
    expect(codeOf(signUpSchema, { ...goodSignUp, email })).toBe(code);
  });

  it('accepts an e-mail of exactly 254 characters', () => {
    // DNS labels are at most 63 characters: 64 + '@' + 62 + '.' + 61 + '.' + 61 + '.dk' = 254.
    const email = `${'a'.repeat(64)}@${'b'.repeat(62)}.${'c'.repeat(61)}.${'d'.repeat(61)}.dk`;
    expect(email).toHaveLength(254);
    expect(codeOf(emailSchema, email)).toBe('ok');
  });

  it(`accepts passwords of ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, exactly as typed`, () => {
    expect(newPasswordSchema.parse('a'.repeat(PASSWORD_MIN_LENGTH))).toBe('aaaaaaaaaa');
    expect(codeOf(newPasswordSchema, 'x'.repeat(PASSWORD_MAX_LENGTH))).toBe('ok');
    // Spaces are part of a password: trimming would lock out whoever chose them.
    expect(newPasswordSchema.parse('  rødgrød med fløde  ')).toBe('  rødgrød med fløde  ');
  });

  it.each([
    ['missing', undefined, 'password_required'],
    ['empty', '', 'password_required'],
    ['nine characters', '123456789', 'password_too_short'],
    ['201 characters', 'x'.repeat(PASSWORD_MAX_LENGTH + 1), 'password_too_long'],
    // Five emoji are ten UTF-16 units but five characters.
    ['five emoji', '🙂🙂🙂🙂🙂', 'password_too_short'],
  ])('refuses a password that is %s', (_what, password, code) => {
    expect(codeOf(signUpSchema, { ...goodSignUp, password })).toBe(code);
  });

  it('counts Danish letters as one character each', () => {
    expect(codeOf(newPasswordSchema, 'æøåæøåæøåæ')).toBe('ok');
  });

  it.each([
    ['missing', undefined, 'name_required'],
    ['blank', '  ', 'name_required'],
    ['too long', 'x'.repeat(61), 'name_too_long'],
    ['with a bidi override', 'Karen\u202eBlixen', 'name_invalid'],
  ])('refuses a display name that is %s (the shared display-name rules)', (_what, name, code) => {
    expect(codeOf(signUpSchema, { ...goodSignUp, name })).toBe(code);
  });

  it('refuses a body that is not an object', () => {
    expect(signUpSchema.safeParse('karen@eksempel.dk').success).toBe(false);
  });
});

describe('organisation schema', () => {
  it('accepts a business with a valid CVR number, stored as eight digits', () => {
    expect(organisationSchema.parse({ name: ' Grøn Energi ApS ', kind: 'business', cvr: '1234 5674' })).toEqual({
      name: 'Grøn Energi ApS',
      kind: 'business',
      cvr: '12345674',
    });
  });

  it('requires a CVR number for a business', () => {
    for (const cvr of [undefined, null, '', '   ']) {
      const result = organisationSchema.safeParse({ name: 'Grøn Energi ApS', kind: 'business', cvr });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => [i.message, i.path])).toEqual([['cvr_required', ['cvr']]]);
    }
  });

  it('refuses a business with a CVR number that fails the check', () => {
    expect(codeOf(organisationSchema, { name: 'Grøn Energi ApS', kind: 'business', cvr: '12345678' })).toBe('cvr_invalid');
    expect(codeOf(organisationSchema, { name: 'Grøn Energi ApS', kind: 'business', cvr: 12345674 })).toBe('cvr_invalid');
  });

  it('lets associations and municipal centres go without a CVR number', () => {
    expect(organisationSchema.parse({ name: 'Grundejerforeningen Solsikken', kind: 'association' })).toEqual({
      name: 'Grundejerforeningen Solsikken',
      kind: 'association',
    });
    expect(codeOf(organisationSchema, { name: 'Center for Miljø', kind: 'municipal_centre', cvr: '' })).toBe('ok');
  });

  it('still checks a CVR number given for an association', () => {
    expect(organisationSchema.parse({ name: 'Foreningen Fælleshaven', kind: 'association', cvr: '31582717' }).cvr).toBe('31582717');
    expect(codeOf(organisationSchema, { name: 'Foreningen Fælleshaven', kind: 'association', cvr: '31582718' })).toBe('cvr_invalid');
  });

  it.each([
    ['missing', undefined, 'organisation_name_required'],
    ['blank', '   ', 'organisation_name_required'],
    ['too long', 'x'.repeat(121), 'organisation_name_too_long'],
    ['with a control character', 'Foreningen\u0007', 'organisation_name_invalid'],
  ])('refuses a name that is %s', (_what, name, code) => {
    expect(codeOf(organisationSchema, { name, kind: 'association' })).toBe(code);
  });

  it.each([undefined, 'forening', 'Business', 3])('refuses a kind that is not one of ORGANISATION_KINDS (%o)', (kind) => {
    expect(codeOf(organisationSchema, { name: 'Foreningen', kind })).toBe('organisation_kind_invalid');
  });
});

describe('Danish e-mail addresses', () => {
  it.each([
    'søren@eksempel.dk',
    'karen@æblegården.dk',
    'åse.ørsted+høring@kommune.dk',
    'info@xn--blegrden-g1a8n.dk',
    'a.b-c_d@sub.eksempel.dk',
  ])('accepts %s', (email) => {
    expect(codeOf(emailSchema, email)).toBe('ok');
  });

  it('lower-cases Danish capitals too', () => {
    expect(emailSchema.parse('SØREN@ÆBLEGÅRDEN.DK')).toBe('søren@æblegården.dk');
  });
});
