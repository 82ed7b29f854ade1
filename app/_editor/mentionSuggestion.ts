/**
 * "@" in the document's text (issue 12): Tiptap's suggestion for the mention node, listing people who
 * can read the document (GET …/mentionable; only readers: the editor offers no sharing). The list is
 * plain DOM beside the editor: a listbox the editor's textbox points at with aria-controls and
 * aria-activedescendant while it is open; arrow keys move, Enter or Tab chooses, Escape closes; a
 * polite status says how many were found and who was mentioned. The mention node itself is in the
 * body schema (lib/editor/bodyExtensions.ts); the server tells the person once (createBodyWatch).
 */
import type { Translate } from '../../lib/i18n/t';
import type { MentionSuggestion } from '../../lib/editor/bodyExtensions';
import type { MentionableList } from '../../lib/mentions/model';
import options from '../_shared/MentionOptions.module.css';
import styles from './MentionList.module.css';

interface Item {
  readonly id: string;
  readonly label: string;
}

let lists = 0;

export function mentionSuggestion(documentId: string, t: Translate): MentionSuggestion {
  return {
    char: '@',
    // Asked once typing pauses, not per key.
    debounce: 150,
    items: async ({ query, signal }): Promise<Item[]> => {
      try {
        const response = await fetch(
          `/api/documents/${encodeURIComponent(documentId)}/mentionable?q=${encodeURIComponent(query.slice(0, 64))}`,
          {
            signal,
            credentials: 'same-origin',
          },
        );
        if (!response.ok) return [];
        const list = (await response.json()) as MentionableList;
        return list.people.filter((person) => person.canRead).map((person) => ({ id: person.id, label: person.name }));
      } catch {
        return [];
      }
    },
    render: () => {
      const listId = `mention-list-${++lists}`;
      let list: HTMLUListElement | null = null;
      let status: HTMLParagraphElement | null = null;
      let unmount: (() => void) | null = null;
      let items: Item[] = [];
      let active = 0;
      let choose: ((item: Item) => void) | null = null;
      let textbox: HTMLElement | null = null;

      const optionId = (index: number) => `${listId}-option-${index}`;
      const place = ({ x, y, strategy }: { x: number; y: number; strategy: string }) => {
        if (!list) return;
        list.style.position = strategy;
        list.style.left = `${x}px`;
        list.style.top = `${y}px`;
      };
      function draw(query: string, loading: boolean) {
        if (!list || !status) return;
        list.replaceChildren(
          ...items.map((item, index) => {
            const option = document.createElement('li');
            option.id = optionId(index);
            option.setAttribute('role', 'option');
            option.setAttribute('aria-selected', String(index === active));
            option.className = index === active ? `${options.option} ${options.active}` : options.option!;
            option.textContent = item.label;
            // Keeps the focus (and the selection) in the text while the pointer chooses.
            option.addEventListener('mousedown', (event) => event.preventDefault());
            option.addEventListener('click', () => choose?.(item));
            return option;
          }),
        );
        list.hidden = items.length === 0;
        if (items.length > 0) textbox?.setAttribute('aria-activedescendant', optionId(active));
        else textbox?.removeAttribute('aria-activedescendant');
        if (!loading)
          status.textContent =
            items.length > 0 ? t('mentions.count', { count: items.length }) : query === '' ? '' : t('mentions.none', { query });
      }

      return {
        onStart(props) {
          items = props.items as Item[];
          active = 0;
          choose = (item) => {
            if (status) status.textContent = t('mentions.chosen', { name: item.label });
            props.command(item);
          };
          textbox = props.editor.view.dom;
          list = document.createElement('ul');
          list.id = listId;
          list.setAttribute('role', 'listbox');
          list.setAttribute('aria-label', t('mentions.listLabel'));
          list.className = `${options.list} ${styles.floating}`;
          status = document.createElement('p');
          status.setAttribute('role', 'status');
          status.className = 'visually-hidden';
          document.body.append(list, status);
          textbox.setAttribute('aria-controls', listId);
          textbox.setAttribute('aria-autocomplete', 'list');
          unmount = props.mount(list, { onPosition: place });
          draw(props.query, props.loading);
        },
        onUpdate(props) {
          // Placed again under the passage as it now is (the query grew or shrank).
          if (list) {
            unmount?.();
            unmount = props.mount(list, { onPosition: place });
          }
          items = props.items as Item[];
          active = Math.min(active, Math.max(0, items.length - 1));
          choose = (item) => {
            if (status) status.textContent = t('mentions.chosen', { name: item.label });
            props.command(item);
          };
          draw(props.query, props.loading);
        },
        onKeyDown({ event }) {
          if (event.key === 'Escape') {
            items = [];
            draw('', false);
            return true;
          }
          if (items.length === 0) return false;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            active = (active + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
            draw('', true);
            return true;
          }
          if (event.key === 'Enter' || event.key === 'Tab') {
            choose?.(items[active]!);
            return true;
          }
          return false;
        },
        onExit() {
          unmount?.();
          textbox?.removeAttribute('aria-activedescendant');
          textbox?.removeAttribute('aria-controls');
          textbox?.removeAttribute('aria-autocomplete');
          list?.remove();
          // The status stays a moment for the announcement of the choice, then goes with the next list.
          const said = status;
          if (said) setTimeout(() => said.remove(), 5000);
          list = null;
          status = null;
        },
      };
    },
  };
}
