'use client';
import dynamic from 'next/dynamic';
import { useT } from '../../lib/i18n/useT';
import type { CollaborativeEditorProps } from './CollaborativeEditor';

// Tiptap, Yjs and the provider load in the browser only: no server render of a live editor,
// and a smaller first load for the page around it.
const CollaborativeEditor = dynamic(() => import('./CollaborativeEditor'), {
  ssr: false,
  loading: function EditorLoading() {
    const t = useT();
    return (
      <p className="editor-loading" role="status">
        {t('editor.loading')}
      </p>
    );
  },
});

export function EditorLoader(props: CollaborativeEditorProps) {
  return <CollaborativeEditor {...props} />;
}
