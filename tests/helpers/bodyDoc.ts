/** The document body (the XmlFragment the editor binds) as tests read and write it through plain Yjs. */
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../lib/protocol';

export const bodyText = (doc: Y.Doc): string => doc.getXmlFragment(BODY_FRAGMENT).toString();

/** Appends one paragraph holding `text`, as the editor would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = doc.getXmlFragment(BODY_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
}
