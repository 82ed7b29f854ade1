/**
 * The templates as the platform API lists them (GET /api/v1/templates): id, name and one-line
 * description in both interface languages, and the section headings the body starts with (the
 * headings are Danish, as the body is; the guiding questions are placeholders and not listed).
 */
import { catalogues } from '../i18n/messages';
import { TEMPLATE_IDS, TEMPLATE_MESSAGE_KEYS, type TemplateId } from './templateIds';
import { templateContent, templateSections } from './templates';

export interface TemplateSummary {
  readonly id: TemplateId;
  readonly name: { readonly da: string; readonly en: string };
  readonly description: { readonly da: string; readonly en: string };
  readonly sections: readonly string[];
  /** True when the template's body holds an impact chain (effektkæde). */
  readonly impactChain: boolean;
}

export function templateList(): TemplateSummary[] {
  return TEMPLATE_IDS.map((id) => {
    const [name, description] = TEMPLATE_MESSAGE_KEYS[id];
    return {
      id,
      name: { da: catalogues.da[name], en: catalogues.en[name] },
      description: { da: catalogues.da[description], en: catalogues.en[description] },
      sections: templateSections(id),
      impactChain: (templateContent(id).content ?? []).some((node) => node.type === 'impactChain'),
    };
  });
}
