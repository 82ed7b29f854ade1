/** The longest passage an anchor may quote (parseAnchor refuses longer). Apart from anchorFromRange, so reading an anchor needs no editor schema. */
export const MAX_QUOTE_LENGTH = 2000;
