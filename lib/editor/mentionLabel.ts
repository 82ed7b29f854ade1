/** The name a mention shows (apart from bodyExtensions, so exporters that only read JSON need no tiptap): its label, else its id (a label is always written; older or foreign ones may lack it). */
export function mentionLabel(attrs: Record<string, unknown> | undefined): string {
  const label = attrs?.label;
  if (typeof label === 'string' && label !== '') return label;
  const id = attrs?.id;
  return typeof id === 'string' ? id : '';
}
