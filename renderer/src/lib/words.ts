// Core facts the window words itself, in the language of the moment.
import type { Evidence } from '../../../main/core/contract';
import { evidenceMsg, evidenceWords } from '../../../main/core/vocabulary';
import { clockTime } from './format';
import { i18n, t } from './i18n.svelte';

/** One piece of evidence in words, with the time in this laptop's local time (a log line's in UTC, Rocket.Chat's clock). */
export function evidenceLine(e: Evidence): string {
  const what = i18n.text({ message: evidenceWords(e), msg: evidenceMsg(e) });
  if (e.source === 'elapsed-time') return what;
  const time = clockTime(e.at, e.clock === 'rocket.chat');
  return t(e.clock === 'rocket.chat' ? 'result.atServerClock' : 'result.at', { what, time });
}
