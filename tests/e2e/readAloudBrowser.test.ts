/**
 * "Læs op" (issue 13) in real Chromium against the production server: the editor's button reads
 * the document, or only the selection, in the page's language, in pieces, with pause, resume and
 * stop, says so in a live region and with aria-pressed; the public version page offers it too.
 *
 * window.speechSynthesis is a recording fake here (page.addInitScript), and only here: headless
 * Chromium has no voices and speaks nothing, so the test checks what the page asks the browser to
 * say (the utterances' text and lang, and the pause/resume/cancel calls), not sound.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { watchedBrowserTest } from './helpers/browserTest';
import { setRoleOverHttp } from './helpers/consultationDocument';
import { EDITOR, moveCaret, waitForEditable, waitForEditorText } from './helpers/editorPage';
import { createDocumentOverHttp, signedInProfile } from './helpers/signedInProfile';
import type { WatchedContexts } from './helpers/watchedContexts';

// Every person's browser speaks through the recording fake (fakeSpeech).
const e2e = watchedBrowserTest((watching, context) => fakeSpeech(watching, context));

type SpeechCall = { op: 'speak'; text: string; lang: string } | { op: 'pause' | 'resume' | 'cancel' };

/** Replaces speechSynthesis with one that records what it is asked and can end the queue on request. */
async function fakeSpeech(watching: WatchedContexts, context: BrowserContext): Promise<void> {
  await watching.watch(context);
  await context.addInitScript(() => {
    const calls: unknown[] = [];
    let queue: SpeechSynthesisUtterance[] = [];
    const fake = {
      speaking: false,
      paused: false,
      pending: false,
      onvoiceschanged: null,
      getVoices: () => [],
      speak(utterance: SpeechSynthesisUtterance) {
        calls.push({ op: 'speak', text: utterance.text, lang: utterance.lang });
        queue.push(utterance);
      },
      pause: () => calls.push({ op: 'pause' }),
      resume: () => calls.push({ op: 'resume' }),
      cancel() {
        calls.push({ op: 'cancel' });
        queue = [];
      },
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => true,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
    if (typeof window.SpeechSynthesisUtterance !== 'function') {
      // Only if this Chromium lacks the constructor: the fields the page sets.
      Object.assign(window, {
        SpeechSynthesisUtterance: class {
          lang = '';
          voice = null;
          onend: ((event: Event) => void) | null = null;
          onerror: ((event: Event) => void) | null = null;
          constructor(readonly text: string) {}
        },
      });
    }
    // Every utterance in the queue spoken to its end.
    Object.assign(window, {
      speechCalls: calls,
      finishSpeech: () => {
        for (const utterance of queue.splice(0)) utterance.onend?.(new Event('end') as SpeechSynthesisEvent);
      },
    });
  });
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { speechCalls: SpeechCall[] }).speechCalls.splice(0));
const spoken = (list: SpeechCall[]) => list.filter((call) => call.op === 'speak');
const ops = (list: SpeechCall[]) => list.filter((call) => call.op !== 'speak').map((call) => call.op);

describe('Læs op', () => {
  it('reads the document or the selection in Danish, pauses, resumes and stops, and says so; the public page offers it', async () => {
    const anna = await e2e.person('Anna Jensen');
    await setRoleOverHttp(e2e.server, e2e.admin.session!, anna.id, 'staff');
    const documentId = await createDocumentOverHttp(e2e.server, anna.session, 'Fællesspisning');
    await anna.page.goto(`${e2e.server.url}/d/${documentId}`);
    await waitForEditable(anna.page);
    await anna.page.locator(EDITOR).click();
    await anna.page.keyboard.type('Vi mødes hver torsdag. Alle er velkomne.');
    await anna.page.keyboard.press('Enter');
    await anna.page.keyboard.type('Husk at melde dig til.');
    await waitForEditorText(anna.page, 'Husk at melde dig til.');

    const controls = anna.page.getByRole('group', { name: 'Oplæsning' });
    const start = controls.getByRole('button', { name: 'Læs op' });
    const status = anna.page.getByTestId('read-aloud-status');
    await calls(anna.page);

    // The whole document (no selection: the caret only), a piece per paragraph, in Danish.
    await moveCaret(anna.page, 'Control+End');
    await start.click();
    await status.getByText('Læser op …').waitFor();
    expect(await start.getAttribute('aria-pressed')).toBe('true');
    let made = await calls(anna.page);
    expect(spoken(made)).toEqual([
      { op: 'speak', text: 'Vi mødes hver torsdag. Alle er velkomne.', lang: 'da-DK' },
      { op: 'speak', text: 'Husk at melde dig til.', lang: 'da-DK' },
    ]);

    await controls.getByRole('button', { name: 'Pause' }).click();
    await status.getByText('Oplæsningen er sat på pause.').waitFor();
    await controls.getByRole('button', { name: 'Fortsæt' }).click();
    await status.getByText('Læser op …').waitFor();
    await controls.getByRole('button', { name: 'Stop' }).click();
    await status.getByText('Oplæsningen er stoppet.').waitFor();
    expect(await start.getAttribute('aria-pressed')).toBe('false');
    expect(ops(await calls(anna.page))).toEqual(['pause', 'resume', 'cancel']);
    expect(await controls.getByRole('button', { name: 'Pause' }).count()).toBe(0);

    // Only the selection: the last paragraph's first three words.
    await anna.page.locator(`${EDITOR} p`, { hasText: 'Husk at melde' }).click();
    await moveCaret(anna.page, 'Home');
    for (let i = 0; i < 'Husk at melde'.length; i += 1) await anna.page.keyboard.press('Shift+ArrowRight');
    await start.click();
    await status.getByText('Læser det markerede op …').waitFor();
    made = await calls(anna.page);
    expect(spoken(made)).toEqual([{ op: 'speak', text: 'Husk at melde', lang: 'da-DK' }]);
    // Read to the end: the button is off again and the live region says it is done.
    await anna.page.evaluate(() => (window as unknown as { finishSpeech: () => void }).finishSpeech());
    await status.getByText('Oplæsningen er færdig.').waitFor();
    expect(await start.getAttribute('aria-pressed')).toBe('false');

    // The published version's page reads its body.
    await anna.page.waitForFunction(() => /^Gemt/.test(document.querySelector('[data-testid="sync-status"]')?.textContent ?? ''));
    const number = await e2e.publish(documentId, anna.session, 'Første udgave.');
    await anna.page.goto(`${e2e.server.url}/p/${documentId}/v/${number}`);
    await calls(anna.page);
    await anna.page.getByRole('group', { name: 'Oplæsning' }).getByRole('button', { name: 'Læs op' }).click();
    await anna.page.getByTestId('read-aloud-status').getByText('Læser op …').waitFor();
    expect(spoken(await calls(anna.page))).toEqual([
      { op: 'speak', text: 'Vi mødes hver torsdag. Alle er velkomne.', lang: 'da-DK' },
      { op: 'speak', text: 'Husk at melde dig til.', lang: 'da-DK' },
    ]);
  });

  it('is not offered where the browser has no speech synthesis', async () => {
    const profile = await signedInProfile(e2e.browser, e2e.server, 'Uden Tale', {
      contexts: e2e.contexts,
      setUp: async (context) => {
        await e2e.watching.watch(context);
        await context.addInitScript(() => {
          Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
        });
      },
    });
    const documentId = await createDocumentOverHttp(e2e.server, profile.session, 'Uden oplæsning');
    await profile.page.goto(`${e2e.server.url}/d/${documentId}`);
    await waitForEditable(profile.page);
    expect(await profile.page.getByTestId('read-aloud').count()).toBe(0);
    expect(await profile.page.getByRole('toolbar', { name: 'Formatering' }).count()).toBe(1);
  });
});
