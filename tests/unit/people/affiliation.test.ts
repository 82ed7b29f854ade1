import { describe, expect, it } from 'vitest';
import { imitatesAffiliation, neutralDisplayName } from '../../../lib/people/affiliation';
import { signUpSchema } from '../../../lib/people/schemas';
import { actorLabel } from '../../../lib/people/actorLabel';

const signUp = (name: string) => signUpSchema.safeParse({ email: 'karen@eksempel.dk', password: 'en lang adgangskode', name });

describe('display names that pose as an organisation', () => {
  it.each([
    'Karen (Foreningen X)',
    'Karen (Foreningen X) ',
    'Karen [Foreningen X]',
    'Karen （Foreningen X）',
    'Karen {X}.',
    '(Foreningen X)',
  ])('refuses %j at sign-up with name_affiliation', (name) => {
    const parsed = signUp(name);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(['name_affiliation']);
  });

  it.each(['Karen Blixen', 'Karen (Kajsa) Blixen', 'Søren Ærø-Kierkegaard', 'Anne :)'])('takes %j', (name) => {
    expect(signUp(name).success).toBe(true);
  });

  it('shows a stored name without its bracketed ending', () => {
    expect(neutralDisplayName('Karen (Foreningen X)')).toBe('Karen');
    expect(neutralDisplayName('Karen (A) [B]')).toBe('Karen');
    expect(neutralDisplayName('(Foreningen X)')).toBe('Foreningen X');
    expect(neutralDisplayName(' Karen Blixen ')).toBe('Karen Blixen');
    expect(imitatesAffiliation(neutralDisplayName('Karen (Foreningen X)'))).toBe(false);
  });

  it('labels carets with the verified organisation only, never a name that imitates one', () => {
    expect(actorLabel('Karen (Foreningen X)')).toBe('Karen');
    expect(actorLabel('Karen (Foreningen X)', { name: 'Foreningen Y' })).toBe('Karen (Foreningen Y)');
    expect(actorLabel('Karen', { name: 'Foreningen X' })).toBe('Karen (Foreningen X)');
  });
});
