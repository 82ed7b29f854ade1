/**
 * The impact chain (effektkæde, the municipality's word; also "forandringsteori"): five steps from
 * what goes in to the lasting difference it makes. Plain data without Tiptap, so the templates, the
 * exports and the creation form can use it without loading the editor.
 *
 * The step labels are part of the document (Danish, like the templates' text): a body is shared by
 * people with different interface languages and is published and exported as one text, so its
 * labels cannot follow one reader's locale.
 */
import type { JSONContent } from '@tiptap/core';

export const IMPACT_STEP_IDS = ['input', 'activities', 'output', 'outcome', 'impact'] as const;
export type ImpactStepId = (typeof IMPACT_STEP_IDS)[number];

/** The chain's accessible name (its list's aria-label) in published versions and exports. */
export const IMPACT_CHAIN_LABEL = 'Effektkæde';

export const IMPACT_STEP_LABELS: { readonly [S in ImpactStepId]: string } = {
  input: 'Input / Ressourcer',
  activities: 'Aktiviteter',
  output: 'Output / Leverancer',
  outcome: 'Outcome / Effekter på kort sigt',
  impact: 'Impact / Langsigtet effekt',
};

/** The guiding question shown (as a placeholder, never as text) in a new chain's empty steps. */
export const IMPACT_STEP_GUIDES: { readonly [S in ImpactStepId]: string } = {
  input: 'Hvilke ressourcer lægger vi ind: tid, penge, lokaler, frivillige, viden?',
  activities: 'Hvad gør vi konkret med ressourcerne, og hvem gør det?',
  output: 'Hvad kommer der direkte ud af aktiviteterne – hvad og hvor mange?',
  outcome: 'Hvilke forandringer ser vi hos deltagerne på kort sigt?',
  impact: 'Hvilken varig forskel gør det for borgerne og lokalsamfundet?',
};

export function isImpactStepId(value: unknown): value is ImpactStepId {
  return typeof value === 'string' && (IMPACT_STEP_IDS as readonly string[]).includes(value);
}

/** The label of a step as stored (an unknown step id reads as the first step's, as the schema's default). */
export function impactStepLabel(step: unknown): string {
  return IMPACT_STEP_LABELS[isImpactStepId(step) ? step : 'input'];
}

/** A new, empty chain: five steps, each an empty paragraph with its guiding question. */
export function impactChainJson(): JSONContent {
  return {
    type: 'impactChain',
    content: IMPACT_STEP_IDS.map((step) => ({
      type: 'impactStep',
      attrs: { step },
      content: [{ type: 'paragraph', attrs: { guide: IMPACT_STEP_GUIDES[step] } }],
    })),
  };
}
