'use client';
import { getTextBetween, getTextSerializersFromSchema, type Editor } from '@tiptap/core';
import { ReadAloud } from './ReadAloud';

/** "Læs op" for the editor: its selection when there is one, else the whole document, a line per block. */
export function EditorReadAloud({ editor }: { editor: Editor }) {
  return (
    <ReadAloud
      title="readAloud.title"
      read={() => {
        const { doc, selection } = editor.state;
        const whole = selection.empty;
        const range = whole ? { from: 0, to: doc.content.size } : { from: selection.from, to: selection.to };
        const text = getTextBetween(doc, range, { blockSeparator: '\n', textSerializers: getTextSerializersFromSchema(editor.schema) });
        return { text, selection: !whole };
      }}
    />
  );
}
