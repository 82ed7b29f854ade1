/**
 * An impact chain (lib/editor/impactChain.ts) as an ordered list, for the exports that have lists
 * but no boxes (Markdown, Word): one numbered item per step, its label in bold, then its paragraphs.
 */
import type { JSONContent } from '@tiptap/core';
import { impactStepLabel } from '../../editor/impactChainSteps';

export function impactChainAsList(chain: JSONContent): JSONContent {
  return {
    type: 'orderedList',
    attrs: { start: 1 },
    content: (chain.content ?? []).map((step) => ({
      type: 'listItem',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: impactStepLabel(step.attrs?.['step']), marks: [{ type: 'bold' }] }] },
        ...(step.content ?? []).filter((child) => (child.content ?? []).length > 0),
      ],
    })),
  };
}
