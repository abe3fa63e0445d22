import { describe, it, expect } from 'vitest';
import { useActionDialog } from './actionDialog';
import { ApiError } from '../api/client';

describe('useActionDialog', () => {
  it('shows the first thing wrong and sends nothing', async () => {
    const d = useActionDialog();
    let sent = 0;
    expect(await d.submit({ error: '请填写答复内容' }, async () => { sent++; })).toBeUndefined();
    expect(sent).toBe(0);
    expect(d.error.value).toBe('请填写答复内容');
  });
  it('sends the body with the button busy and answers the result', async () => {
    const d = useActionDialog();
    d.error.value = 'old';
    const busySeen: boolean[] = [];
    const r = await d.submit({ body: { note: 'x' } }, async (b) => { busySeen.push(d.busy.value); return { ...b, ok: true }; });
    expect(r).toEqual({ note: 'x', ok: true });
    expect(busySeen).toEqual([true]);
    expect(d.busy.value).toBe(false);
    expect(d.error.value).toBe('');
  });
  it("shows the server's message when the action is refused", async () => {
    const d = useActionDialog();
    const r = await d.submit({ body: {} }, () => Promise.reject(new ApiError(409, 'case.bad_state', '该问题当前状态不能执行此操作')));
    expect(r).toBeUndefined();
    expect(d.error.value).toBe('该问题当前状态不能执行此操作');
    expect(d.busy.value).toBe(false);
  });
  it('reset empties every key of the form and the error', () => {
    const d = useActionDialog();
    const form: Record<string, unknown> = { note: 'a', member_id: 3 };
    d.error.value = 'x';
    d.reset(form);
    expect(form).toEqual({});
    expect(d.error.value).toBe('');
  });
});
