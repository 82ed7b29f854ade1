import { linkParts } from '../../lib/text/linkParts';

/**
 * A comment's plain text: React text nodes only, with http(s) addresses as links that open in a
 * new tab and pass no authority (nofollow ugc, no opener, no referrer). Never HTML.
 */
export function CommentText({ text }: { text: string }) {
  return (
    <p className="comment__text">
      {linkParts(text).map((part, index) =>
        part.kind === 'link' ? (
          <a key={index} href={part.href} rel="noopener noreferrer nofollow ugc" target="_blank">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
