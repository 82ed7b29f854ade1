/** The account self-service over in-memory stores, and the e-mail change by a confirmation link. */
import { describe, expect, it } from 'vitest';
import { accountScenarios } from './accountScenarios';
import { accountWorld } from './accountWorld';

accountScenarios('memory', () => accountWorld());

describe('changing the e-mail when mail is configured', () => {
  function linkIn(text: string): string {
    const match = /https:\/\/samskriv\.example\.dk\/konto\/e-mail\?token=(\S+)/.exec(text);
    if (!match) throw new Error(`no link in: ${text}`);
    return decodeURIComponent(match[1]!);
  }

  it('sends a link to the new address and a notice to the old one; the address changes only when the link is used, once', async () => {
    const world = await accountWorld({ mail: true });
    await world.person('p_karen', 'Karen Borger');
    expect(await world.selfService.requestEmailChange('p_karen', { email: 'karen@ny.dk' })).toEqual({ status: 'confirmation_sent' });
    await world.waitForMail(2);
    const link = world.sent.find((mail) => mail.to === 'karen@ny.dk');
    expect(world.sent.map((mail) => mail.to).sort()).toEqual(['karen@ny.dk', 'p_karen@example.dk']);
    expect(world.sent.find((mail) => mail.to === 'p_karen@example.dk')?.text).toContain('karen@ny.dk');
    expect((await world.stores.accounts.getPerson('p_karen'))?.email).toBe('p_karen@example.dk');
    const token = linkIn(link!.text);
    // Looking at the link (the GET page, or a mail scanner) changes nothing.
    expect(await world.selfService.inspectEmailChange(token)).toEqual({ email: 'karen@ny.dk' });
    expect((await world.stores.accounts.getPerson('p_karen'))?.email).toBe('p_karen@example.dk');
    expect((await world.selfService.confirmEmailChange(token)).email).toBe('karen@ny.dk');
    expect((await world.stores.accounts.getPersonByEmail('karen@ny.dk'))?.id).toBe('p_karen');
    await expect(world.selfService.confirmEmailChange(token)).rejects.toMatchObject({ code: 'email_link_invalid' });
    await expect(world.selfService.confirmEmailChange(`${token}x`)).rejects.toMatchObject({ code: 'email_link_invalid' });
    await world.close();
  });

  it('answers a taken address alike, sends it no link, and tells its owner', async () => {
    const world = await accountWorld({ mail: true });
    await world.person('p_karen', 'Karen Borger');
    await world.person('p_bo', 'Bo Nabo');
    expect(await world.selfService.requestEmailChange('p_karen', { email: 'p_bo@example.dk' })).toEqual({ status: 'confirmation_sent' });
    await world.waitForMail(1);
    expect(world.sent.map((mail) => mail.to)).toEqual(['p_bo@example.dk']);
    expect(world.sent[0]?.text).not.toMatch(/token=/);
    expect((await world.stores.accounts.getPerson('p_karen'))?.email).toBe('p_karen@example.dk');
    await world.close();
  });

  it('cannot complete a link whose address was taken meanwhile, and expires after a day', async () => {
    const world = await accountWorld({ mail: true });
    await world.person('p_karen', 'Karen Borger');
    await world.selfService.requestEmailChange('p_karen', { email: 'karen@ny.dk' });
    await world.waitForMail(2);
    const token = linkIn(world.sent.find((mail) => mail.to === 'karen@ny.dk')!.text);
    await world.person('p_other', 'Anden');
    await world.stores.accounts.updatePerson('p_other', { email: 'karen@ny.dk' });
    await expect(world.selfService.confirmEmailChange(token)).rejects.toMatchObject({ code: 'email_link_invalid' });
    expect((await world.stores.accounts.getPerson('p_karen'))?.email).toBe('p_karen@example.dk');

    await world.selfService.requestEmailChange('p_karen', { email: 'karen@tredje.dk' });
    await world.waitForMail(5);
    const later = linkIn(world.sent.find((mail) => mail.to === 'karen@tredje.dk')!.text);
    world.now += 25 * 60 * 60 * 1000;
    expect(await world.selfService.inspectEmailChange(later)).toBeNull();
    await expect(world.selfService.confirmEmailChange(later)).rejects.toMatchObject({ code: 'email_link_invalid' });
    await world.close();
  });
});
