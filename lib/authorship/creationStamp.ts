/**
 * The stamp of a body a document is created with (its template, or the content the platform or the
 * demo seed gives it): everything in that first update is the template's (`TEMPLATE_AUTHOR`), so
 * the history shows it as "Skabelon" rather than unknown. The update must be a whole new document's
 * (every client's clocks from 0), as `encodeBody` makes it.
 */
import * as Y from 'yjs';
import { TEMPLATE_AUTHOR, type ClockRange, type Stamp } from './model';
import { encodeStamp } from './stampCodec';

export function creationStamp(update: Uint8Array, at: Date): Uint8Array {
  const ranges: ClockRange[] = [];
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)))
    if (clock > 0) ranges.push({ client, from: 0, to: clock });
  const stamp: Stamp = { by: TEMPLATE_AUTHOR, at: at.getTime(), ranges };
  return encodeStamp(stamp);
}
