import { describe, it, expect } from 'vitest';
import { ref } from 'vue';
import { run, confirmed, errorMessage } from './run';
import { ApiError } from './client';

const fail = (msg = '委员工作室不存在') => () => Promise.reject(new ApiError(404, 'studio.not_found', msg));

describe('run', () => {
  it('returns the result and lowers the loading flag it raised', async () => {
    const loading = ref(false);
    const seen: boolean[] = [];
    const r = await run(async () => { seen.push(loading.value); return 42; }, { loading });
    expect(r).toBe(42);
    expect(seen).toEqual([true]);
    expect(loading.value).toBe(false);
  });
  it('puts the server message into an error ref and answers undefined', async () => {
    const error = ref('');
    const loading = ref(false);
    expect(await run(fail(), { error, loading })).toBeUndefined();
    expect(error.value).toBe('委员工作室不存在');
    expect(loading.value).toBe(false);
  });
  it('hands the message and the error itself to a function target', async () => {
    const got: [string, any][] = [];
    await run(fail('手机号格式不正确'), { error: (m, e) => got.push([m, e]) });
    expect(got).toHaveLength(1);
    expect(got[0][0]).toBe('手机号格式不正确');
    expect(got[0][1]).toBeInstanceOf(ApiError);
    expect(got[0][1].code).toBe('studio.not_found');
  });
  it('never throws, even without a target', async () => {
    await expect(run(fail())).resolves.toBeUndefined();
    await expect(run(() => Promise.reject('plain'), { error: ref('') })).resolves.toBeUndefined();
  });
  it('leaves error and loading alone when the answer is stale', async () => {
    const error = ref('');
    const loading = ref(false);
    let gen = 1;
    const mine = gen;
    await run(async () => { gen++; throw new Error('late'); }, { error, loading, stale: () => mine !== gen });
    expect(error.value).toBe('');
    expect(loading.value).toBe(true); // the newer request owns the flag now
  });
});

describe('errorMessage', () => {
  it('reads message, else stringifies', () => {
    expect(errorMessage(new Error('坏了'))).toBe('坏了');
    expect(errorMessage('x')).toBe('x');
  });
});

describe('confirmed', () => {
  it('is true when the dialog resolves and false when it is cancelled', async () => {
    expect(await confirmed(Promise.resolve('confirm'))).toBe(true);
    expect(await confirmed(Promise.reject('cancel'))).toBe(false);
  });
});
