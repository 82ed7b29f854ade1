/**
 * The impact chain as editor nodes: `impactChain` holds exactly five `impactStep`s (input →
 * activities → output → outcome → impact), each holding its own paragraphs. The text lives in the
 * shared Yjs body like any other, so two people writing in different steps (or the same one) merge
 * as ordinary text does. Rendered as an ordered list named "Effektkæde": each step a list item with
 * its label (not editable, not part of the step's text) and the arrow to the next step hidden from
 * screen readers; CSS (app/globals.css, the export stylesheet) lays it out as a row of boxes when the
 * column it is written in has room (a container query) and a vertical list otherwise. The labels
 * are Danish whatever the reader's language (lang="da", for hyphenation and speech).
 */
import { mergeAttributes, Node } from '@tiptap/core';
import { IMPACT_CHAIN_LABEL, impactChainJson, impactStepLabel, isImpactStepId } from './impactChainSteps';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    impactChain: {
      /** Inserts an empty impact chain (five guided steps) at the selection. */
      insertImpactChain: () => ReturnType;
    };
  }
}

export const ImpactChain = Node.create({
  name: 'impactChain',
  group: 'block',
  content: 'impactStep{5}',
  defining: true,
  isolating: true,

  parseHTML() {
    return [{ tag: 'ol[data-impact-chain]', priority: 60 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['ol', mergeAttributes(HTMLAttributes, { class: 'impact-chain', 'data-impact-chain': '', 'aria-label': IMPACT_CHAIN_LABEL }), 0];
  },

  addCommands() {
    return {
      insertImpactChain:
        () =>
        ({ commands }) =>
          commands.insertContent(impactChainJson()),
    };
  },
});

export const ImpactStep = Node.create({
  name: 'impactStep',
  content: 'paragraph+',
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      step: {
        default: 'input',
        parseHTML: (element) => {
          const step = element.getAttribute('data-step');
          return isImpactStepId(step) ? step : 'input';
        },
        renderHTML: (attributes) => ({ 'data-step': isImpactStepId(attributes['step']) ? attributes['step'] : 'input' }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'ol[data-impact-chain] > li', priority: 60, contentElement: '.impact-step__body' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'li',
      mergeAttributes(HTMLAttributes, { class: 'impact-step' }),
      ['strong', { class: 'impact-step__label', contenteditable: 'false', lang: 'da' }, impactStepLabel(node.attrs['step'])],
      ['div', { class: 'impact-step__body' }, 0],
      ['span', { class: 'impact-step__arrow', 'aria-hidden': 'true', contenteditable: 'false' }, '→'],
    ];
  },
});
