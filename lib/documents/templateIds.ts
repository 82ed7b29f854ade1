/**
 * The templates a new document can start from (issue 14), without their content: what the creation
 * form, the input schemas and the platform API need. Names and descriptions are catalogue keys
 * (`create.template.<id>` and `.hint`); the bodies are in templates.ts (server only).
 */
export const TEMPLATE_IDS = ['projektforslag', 'politikudkast', 'workshopnotat', 'evaluering', 'puljeansoegning', 'blank'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATE_MESSAGE_KEYS = {
  projektforslag: ['create.template.projektforslag', 'create.template.projektforslag.hint'],
  politikudkast: ['create.template.politikudkast', 'create.template.politikudkast.hint'],
  workshopnotat: ['create.template.workshopnotat', 'create.template.workshopnotat.hint'],
  evaluering: ['create.template.evaluering', 'create.template.evaluering.hint'],
  puljeansoegning: ['create.template.puljeansoegning', 'create.template.puljeansoegning.hint'],
  blank: ['create.template.blank', 'create.template.blank.hint'],
} as const satisfies Record<TemplateId, readonly [string, string]>;
