// The air-gapped read-only mode around every change (7.0+; AirGappedRestriction.ts: a valid license
// sets -1 at once, removing or losing it recomputes from the stats token): what the license will do
// before it is sent, and before → after in the result, the job record, History and the receipt.
import { describe, expect, it } from 'vitest';
import { licenses, signV3 } from '../../../e2e/simulator/license-factory';
import { hostOf as host, useInstallerKit } from '../../../e2e/support/installer-kit';
import type { HttpResponse } from '../rocketchat/http';
import { RESTRICTION_SETTING } from '../workspaces/restriction';
import type { RestrictionReading } from '../workspaces/types';
import { changeOf, countdownAfter } from './countdown';
import { receiptHtml } from './receipt';

const { sim, ready } = useInstallerKit();

describe('countdownAfter', () => {
  const reading = (days: number): RestrictionReading => ({ phase: days < 0 ? 'none' : days === 0 ? 'read-only' : 'warning', remainingDays: days, source: 'settings.public', at: '' });
  /** A server whose public setting answers each of `values` in turn (the last one from then on). */
  const answering = (values: number[]) => {
    let n = 0;
    return {
      reads: () => n,
      call: async (): Promise<HttpResponse> => {
        const value = values[Math.min(n++, values.length - 1)];
        return { status: 200, headers: {}, json: { settings: [{ _id: RESTRICTION_SETTING, value }] }, text: '', serverDate: null, receivedAt: new Date(), durationMs: 1 };
      },
    };
  };
  const sleeps: number[] = [];
  const sleep = async (ms: number) => void sleeps.push(ms);

  it('an active license: read again (1 s apart, 3 reads at most) until the setting catches up', async () => {
    sleeps.length = 0;
    const late = answering([0, 0, -1]);
    expect(await countdownAfter(late, { major: 7 }, { outcome: 'active' }, reading(0), sleep)).toMatchObject({ after: { phase: 'none' }, shift: 'read-only → lifted' });
    expect([late.reads(), sleeps]).toEqual([3, [1000, 1000]]);
    const never = answering([0]);
    expect(await countdownAfter(never, { major: 7 }, { outcome: 'active' }, reading(0), sleep)).toMatchObject({
      after: { phase: 'read-only' },
      shift: null,
      change: 'still read-only: users can read rooms but cannot send, edit or upload until a valid license is active.',
    });
    expect(never.reads()).toBe(3);
    const warned = answering([2, -1]);
    expect(await countdownAfter(warned, { major: 7 }, { outcome: 'active' }, reading(2), sleep)).toMatchObject({ shift: 'read-only in 2 days → lifted' });
    expect(warned.reads()).toBe(2);
    // A setting that cannot be read is not read again and again.
    const unreadable = { reads: 0, call: async (): Promise<HttpResponse> => (unreadable.reads++, { status: 200, headers: {}, json: { settings: [] }, text: '', serverDate: null, receivedAt: new Date(), durationMs: 1 }) };
    expect((await countdownAfter(unreadable, { major: 7 }, { outcome: 'active' }, reading(0), sleep)).after?.phase).toBe('unknown');
    expect(unreadable.reads).toBe(1);
  });

  it('changeOf: what still holds when nothing changed, nothing when there is nothing to hold', () => {
    expect(changeOf(reading(1), reading(1)).change).toBe('still counting down: read-only in 1 day unless a valid license is active.');
    expect(changeOf(reading(-1), reading(-1))).toMatchObject({ before: reading(-1), after: reading(-1), change: null, shift: null });
    expect(changeOf(reading(0), null)).toMatchObject({ before: reading(0), after: null, change: null, shift: null });
  });

  it('any other decided outcome is read once; a job that decided nothing, or a server before 7.0, is not read', async () => {
    const once = answering([0]);
    expect(await countdownAfter(once, { major: 8 }, { outcome: 'rejected' }, reading(-1), sleep)).toMatchObject({ shift: 'no countdown → read-only' });
    expect(once.reads()).toBe(1);
    const untouched = answering([5]);
    for (const outcome of ['blocked', 'failed', 'interrupted', 'already-active'] as const) {
      expect(await countdownAfter(untouched, { major: 8 }, { outcome }, reading(5), sleep)).toEqual({ before: reading(5), after: null, change: null });
    }
    const notApplicable: RestrictionReading = { phase: 'not-applicable', remainingDays: null, source: null, at: '' };
    expect((await countdownAfter(untouched, { major: 6 }, { outcome: 'active' }, notApplicable, sleep)).after).toBeNull();
    expect(untouched.reads()).toBe(0);
    const unconfirmed = answering([0]);
    expect((await countdownAfter(unconfirmed, { major: 8 }, { outcome: 'unconfirmed' }, reading(0), sleep)).after?.phase).toBe('read-only');
    expect(unconfirmed.reads()).toBe(1);
    const counting = answering([3]);
    expect((await countdownAfter(counting, { major: 7 }, { outcome: 'not-active' }, reading(3), sleep)).change).toBe('still counting down: read-only in 3 days unless a valid license is active.');
  });
});

describe('Rocket.Chat 7.10 with no stats token (read-only from the start)', () => {
  it('apply lifts it; a rejected replacement makes it read-only again; restore lifts it again — each said before and after', async () => {
    const s = await sim({ version: '7.10.0' });
    const { inst, apply } = await ready(s);
    const a = await signV3(licenses.boundTo(host(s), { id: 'RO-A' }));
    const b = await signV3(licenses.boundTo('chat.other.example', { id: 'RO-B' }));

    const first = await apply(a);
    expect(first.inspection.restriction).toMatchObject({ reading: { phase: 'read-only', remainingDays: 0 }, effect: expect.stringMatching(/read-only now .*; this license lifts it as soon as the server accepts it\.$/) });
    expect(first.result.outcome).toBe('active');
    expect(first.result.restriction).toMatchObject({ before: { phase: 'read-only' }, after: { phase: 'none', remainingDays: -1 }, shift: 'read-only → lifted' });
    expect(first.result.restriction?.change).toBe("read-only → lifted: users can send messages again (the server's own setting says so).");

    const second = await apply(b, true);
    expect(second.inspection.restriction).toBeNull(); // nothing to lift now
    expect(second.inspection.replaces?.warning).toMatch(/read-only again, and is read-only at once if it has not reported to Rocket\.Chat Cloud in the last 10 days/);
    expect(second.result.outcome).toBe('rejected');
    expect(second.result.restriction?.change).toBe('no countdown → read-only: users can read rooms but cannot send, edit or upload until a valid license is active.');

    const restored = await inst.restore(second.result.jobId, { waitSeconds: 5 });
    expect([restored.outcome, restored.restriction?.shift]).toEqual(['active', 'read-only → lifted']);

    // The record keeps it: History's short form, the receipt's row, and the log itself.
    const listed = inst.history().jobs;
    expect(listed.map((j) => j.restriction)).toEqual(['read-only → lifted', 'no countdown → read-only', 'read-only → lifted']);
    expect(inst.job(first.result.jobId).restriction?.shift).toBe('read-only → lifted');
    expect(receiptHtml(inst.job(second.result.jobId), "1")).toMatch(/<th>Air-gapped read-only mode<\/th><td>no countdown → read-only: users can read rooms/);
  });

  it('a license that fails a check says it would not lift the read-only mode', async () => {
    const s = await sim({ version: '7.10.0' });
    const { inst, id } = await ready(s);
    const inspection = await inst.inspect(await signV3(licenses.boundTo('chat.other.example')), null, id);
    expect(inspection.restriction?.effect).toMatch(/read-only now .*, and this license would not lift it: the server will most likely refuse it/);
  });

  it('verify again reads it again and records what holds now', async () => {
    const s = await sim({ version: '7.10.0', cluster: { applyDelaysMs: [0, 60_000] } });
    const { inst, apply } = await ready(s);
    const { result } = await apply(await signV3(licenses.boundTo(host(s), { id: 'RO-V' })));
    const verified = await inst.verify(result.jobId);
    expect(verified.restriction?.before?.phase).toBe('read-only');
    expect(verified.restriction?.after).not.toBeNull();
    expect(verified.restriction?.after?.at).not.toBe(result.restriction?.after?.at);
  });
});

describe('other eras and phases', () => {
  it('7.0 with a 6-day-old token: read-only in 4 days, and this license stops the countdown', async () => {
    const s = await sim({ version: '7.0.0', statsTokenAgeDays: 6 });
    const { apply } = await ready(s);
    const { inspection, result } = await apply(await signV3(licenses.boundTo(host(s))));
    expect(inspection.restriction?.effect).toBe('This workspace becomes read-only in 4 days; this license stops the countdown as soon as the server accepts it.');
    expect(result.restriction?.change).toBe("read-only in 4 days → lifted: users can send messages again (the server's own setting says so).");
  });

  it('6.x has no read-only mode: nothing asked, nothing said', async () => {
    const s = await sim({ version: '6.14.0' });
    const { inst, apply } = await ready(s);
    const { inspection, result } = await apply(await signV3(licenses.boundTo(host(s))));
    expect(result.outcome).toBe('active');
    expect([inspection.restriction, result.restriction?.before?.phase, result.restriction?.change ?? null]).toEqual([null, 'not-applicable', null]);
    expect(inst.history().jobs[0]?.restriction).toBeNull();
    expect(s.requests.some((q) => q.path.includes('settings.public'))).toBe(false);
  });
});
