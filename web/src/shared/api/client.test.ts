import { describe, it, expect } from 'vitest';
import { parseResponse, ApiError, query } from './client';

describe('parseResponse', () => {
  it('returns the JSON body of a success', async () => {
    const r = new Response('{"items":[1]}', { status: 200 });
    expect(await parseResponse<{ items: number[] }>(r)).toEqual({ items: [1] });
  });
  it('turns the server error shape into an ApiError with its message', async () => {
    const r = new Response('{"error":{"code":"studio.not_found","message":"委员工作室不存在","details":null}}', { status: 404 });
    await expect(parseResponse(r)).rejects.toMatchObject({ status: 404, code: 'studio.not_found', message: '委员工作室不存在' });
  });
  it('survives a body that is not JSON', async () => {
    const r = new Response('<html>bad gateway</html>', { status: 502 });
    const err: any = await parseResponse(r).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('http.502');
  });
});

describe('query', () => {
  it('drops empty values and encodes the rest', () => {
    expect(query({ q: '张掖路', limit: 20, cursor: null, x: '' })).toBe('?q=%E5%BC%A0%E6%8E%96%E8%B7%AF&limit=20');
    expect(query({})).toBe('');
  });
});
