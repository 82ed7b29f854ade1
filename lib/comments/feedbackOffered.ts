/**
 * Where the feedback form is offered: on proposals (documents made from a proposal template). A
 * document of another kind that has feedback (written through the API) still shows it, and the
 * høringsnotat has its feedback section whenever there is feedback.
 */
export const FEEDBACK_TEMPLATES: readonly string[] = ['projektforslag'];

export const offersFeedback = (template: string): boolean => FEEDBACK_TEMPLATES.includes(template);
