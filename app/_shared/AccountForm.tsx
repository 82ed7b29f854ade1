'use client';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import {
  changePasswordSchema,
  forgotPasswordSchema,
  resetPasswordSchema,
  setupSchema,
  signInSchema,
  signUpSchema,
} from '../../lib/people/schemas';
import type { PlainMessageKey } from '../../lib/i18n/t';
import { errorMessage } from '../../lib/i18n/t';
import { useT } from '../../lib/i18n/useT';
import { sendJson } from '../_components/postJson';
import { firstIssueCode } from './schemas';

export interface AccountField {
  readonly name: string;
  readonly label: PlainMessageKey;
  readonly hint?: PlainMessageKey;
  readonly type: 'email' | 'password' | 'text';
  readonly autoComplete: string;
}

interface FormSpec {
  readonly heading: PlainMessageKey;
  readonly intro?: PlainMessageKey;
  readonly fields: readonly AccountField[];
  readonly submit: PlainMessageKey;
  readonly endpoint: string;
  /** The same schema the route handler validates with. */
  readonly schema: z.ZodType;
  readonly done?: PlainMessageKey;
}

const EMAIL: AccountField = { name: 'email', label: 'account.email', type: 'email', autoComplete: 'email' };
const NAME: AccountField = { name: 'name', label: 'account.name', hint: 'account.name.hint', type: 'text', autoComplete: 'name' };
const NEW_PASSWORD: AccountField = {
  name: 'password',
  label: 'account.password',
  hint: 'account.password.hint',
  type: 'password',
  autoComplete: 'new-password',
};

const FORMS = {
  signUp: {
    heading: 'account.signUp.heading',
    intro: 'account.signUp.intro',
    fields: [NAME, EMAIL, NEW_PASSWORD],
    submit: 'account.signUp.submit',
    endpoint: '/api/account/sign-up',
    schema: signUpSchema,
  },
  signIn: {
    heading: 'account.signIn.heading',
    fields: [EMAIL, { name: 'password', label: 'account.password', type: 'password', autoComplete: 'current-password' }],
    submit: 'account.signIn.submit',
    endpoint: '/api/account/sign-in',
    schema: signInSchema,
  },
  setup: {
    heading: 'setup.heading',
    intro: 'setup.intro',
    fields: [NAME, EMAIL, NEW_PASSWORD],
    submit: 'setup.submit',
    endpoint: '/api/setup',
    schema: setupSchema,
  },
  password: {
    heading: 'account.password.heading',
    fields: [
      { name: 'currentPassword', label: 'account.password.current', type: 'password', autoComplete: 'current-password' },
      { ...NEW_PASSWORD, name: 'newPassword', label: 'account.password.new' },
    ],
    submit: 'account.password.submit',
    endpoint: '/api/account/password',
    schema: changePasswordSchema,
    done: 'account.password.done',
  },
  reset: {
    heading: 'account.reset.heading',
    intro: 'account.reset.intro',
    fields: [{ ...NEW_PASSWORD, name: 'newPassword', label: 'account.password.new' }],
    submit: 'account.reset.submit',
    endpoint: '/api/account/reset',
    schema: resetPasswordSchema,
  },
  forgot: {
    heading: 'account.forgot.heading',
    intro: 'account.forgot.intro',
    fields: [EMAIL],
    submit: 'account.forgot.submit',
    endpoint: '/api/account/forgot',
    schema: forgotPasswordSchema,
    done: 'account.forgot.done',
  },
} as const satisfies Record<string, FormSpec>;

export interface AccountFormProps {
  readonly kind: keyof typeof FORMS;
  /** Sent along unchanged (the setup token). */
  readonly extra?: Readonly<Record<string, string>>;
  /** Where to go afterwards; null stays and shows the form's `done` message. */
  readonly next: string | null;
  /** 2 when the form is a section of a page that has its own h1 (the account page): one h1 per page. */
  readonly headingLevel?: 1 | 2;
  /** Another heading than the form's own (the password form below single sign-on buttons). */
  readonly heading?: PlainMessageKey;
}

/** One accessible form for signing up, signing in, the first admin and a new password. */
export function AccountForm({ kind, extra, next, headingLevel = 1, heading }: AccountFormProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const props: FormSpec & { extra?: Readonly<Record<string, string>>; next: string | null } = {
    ...FORMS[kind],
    ...(heading && { heading }),
    extra,
    next,
  };
  const t = useT();
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body: Record<string, string> = { ...props.extra };
    for (const field of props.fields) body[field.name] = String(data.get(field.name) ?? '');
    const parsed = props.schema.safeParse(body);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      setError({ field: typeof field === 'string' ? field : null, message: errorMessage(t, firstIssueCode(parsed.error)) });
      return;
    }
    setBusy(true);
    setError(null);
    const result = await sendJson('POST', props.endpoint, body);
    setBusy(false);
    if (!result.ok) {
      setError({ field: null, message: errorMessage(t, result.code) });
      return;
    }
    if (props.next === null) {
      form.reset();
      setDone(true);
      return;
    }
    router.push(props.next);
    router.refresh();
  }

  return (
    <section className="name-gate card" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>{t(props.heading)}</Heading>
      {props.intro && <p>{t(props.intro)}</p>}
      <form onSubmit={submit} noValidate>
        {props.fields.map((field, index) => {
          const invalid = error !== null && (error.field === field.name || (error.field === null && index === 0));
          const describedBy = [field.hint && `${id}-${field.name}-hint`, invalid && `${id}-error`].filter(Boolean).join(' ');
          return (
            <div className="field" key={field.name}>
              <label htmlFor={`${id}-${field.name}`}>{t(field.label)}</label>
              {field.hint && (
                <p className="hint" id={`${id}-${field.name}-hint`}>
                  {t(field.hint)}
                </p>
              )}
              <input
                id={`${id}-${field.name}`}
                name={field.name}
                type={field.type}
                autoComplete={field.autoComplete}
                required
                aria-invalid={invalid ? true : undefined}
                aria-describedby={describedBy || undefined}
                autoFocus={index === 0}
              />
            </div>
          );
        })}
        {error && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error.message}
          </p>
        )}
        {done && props.done && (
          <p className="notice" role="status">
            {t(props.done)}
          </p>
        )}
        <button className="button" type="submit" disabled={busy}>
          {busy ? t('form.working') : t(props.submit)}
        </button>
      </form>
    </section>
  );
}
