// How the core says something: `say('code', {…})` makes a message checked against the English
// catalog; `said(msg)` gives it with its English text, which is what --json, logs and old
// readers keep (`message`), beside the message itself (`msg`) for shells that translate.
import en from './en';
import { messagesOf, renderMsg, type Msg } from './messages';

export type { Msg };
export const say = messagesOf(en);

export function english(msg: Msg): string {
  return renderMsg([en], 'en', msg) ?? msg.code;
}

export function said(msg: Msg): { message: string; msg: Msg } {
  return { message: english(msg), msg };
}
