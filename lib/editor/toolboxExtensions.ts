/**
 * The co-creation toolbox's part of the body schema (issue 14): guiding text on paragraphs and the
 * impact chain. Added to bodyExtensions in one line, so the browser and the server share it.
 */
import type { AnyExtension } from '@tiptap/core';
import { GuidePlaceholder } from './guidePlaceholder';
import { ImpactChain, ImpactStep } from './impactChain';

export function toolboxExtensions(): AnyExtension[] {
  return [GuidePlaceholder, ImpactChain, ImpactStep];
}
