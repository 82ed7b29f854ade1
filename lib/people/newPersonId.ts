/** A person's id as the account services make them (`p_<uuid>`); also the stand-in id a taken e-mail's sign-up answers with. */
export const newPersonId = (): string => `p_${crypto.randomUUID()}`;
