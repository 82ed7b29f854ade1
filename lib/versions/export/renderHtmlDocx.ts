/**
 * A standalone HTML page of ours (the høringsnotat) as a Word document with the same structure:
 * its headings as Heading 1–6, its lists as Word lists, and so on (htmlToBody, bodyToDocx). The
 * page's <title> is the document's title property.
 */
import { bodyToDocx } from './bodyToDocx';
import { htmlTitle, htmlToBody } from './htmlToBody';
import { packDocx } from './packDocx';

export interface HtmlDocxOptions {
  readonly creator: string;
  readonly description?: string;
  /** BCP 47, e.g. `da-DK`. */
  readonly language: string;
  /** ISO 8601: the document's created and modified time (the same input gives the same bytes). */
  readonly modifiedAt: string;
}

export function renderHtmlDocx(html: string, options: HtmlDocxOptions): Promise<Uint8Array> {
  const title = htmlTitle(html) ?? '';
  return packDocx({
    title,
    creator: options.creator,
    description: options.description ?? title,
    language: options.language,
    modifiedAt: options.modifiedAt,
    children: bodyToDocx(htmlToBody(html)),
  });
}
