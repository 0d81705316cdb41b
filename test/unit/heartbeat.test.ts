import { describe, expect, it } from 'vitest';
import { heartbeatPingFor, heartbeatRequestUrl, maskHeartbeatUrl } from '../../src/domain/heartbeat.js';
import { pingHeartbeat } from '../../src/notify/heartbeat.js';
import { closedPortUrl, startFakeReceiver } from '../helpers/fake-receiver.js';

describe('heartbeatPingFor', () => {
  it.each([
    [0, 'success'],
    [1, 'fail'],
    [2, 'fail'],
    [3, 'fail'],
    [70, 'fail'],
    [75, null],
    [130, null],
    [143, null],
  ] as const)('exit code %i pings %s', (code, ping) => {
    expect(heartbeatPingFor(code)).toBe(ping);
  });
});

describe('heartbeatRequestUrl', () => {
  it.each([
    ['https://hc-ping.com/0f3a-uuid', 'success', 'https://hc-ping.com/0f3a-uuid'],
    ['https://hc-ping.com/0f3a-uuid', 'fail', 'https://hc-ping.com/0f3a-uuid/fail'],
    ['https://hc-ping.com/0f3a-uuid/', 'fail', 'https://hc-ping.com/0f3a-uuid/fail'],
    ['https://hc-ping.com/key/slug?create=1', 'fail', 'https://hc-ping.com/key/slug/fail?create=1'],
  ] as const)('%s (%s) → %s', (base, ping, expected) => {
    expect(heartbeatRequestUrl(base, ping)).toBe(expected);
  });
});

describe('maskHeartbeatUrl', () => {
  it('keeps the host and hides the path, the query and any credentials', () => {
    expect(maskHeartbeatUrl('https://hc-ping.com/5a1e2b9c-uuid')).toBe('https://hc-ping.com/****');
    expect(maskHeartbeatUrl('https://user:pw@ping.example:8443/key/slug?rid=1')).toBe(
      'https://ping.example:8443/****?****',
    );
    expect(maskHeartbeatUrl('not a url')).toBe('****');
  });
});

describe('pingHeartbeat', () => {
  const options = { userAgent: 'pyhabot/test (+https://github.com/pyhabot/pyhabot)', timeoutMs: 1000 };

  it('sends one GET with the User-Agent and reports the status', async () => {
    await using receiver = await startFakeReceiver([{ status: 200, body: 'OK' }]);
    const result = await pingHeartbeat(`${receiver.url}/ping/abc/fail`, options);
    expect(result).toEqual({ ok: true, status: 200 });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({ method: 'GET', path: '/ping/abc/fail' });
    expect(receiver.requests[0]?.headers['user-agent']).toBe(options.userAgent);
  });

  it('reports an error status, a hanging receiver and a closed port without throwing', async () => {
    await using failing = await startFakeReceiver([{ status: 404, body: 'not found' }]);
    expect(await pingHeartbeat(`${failing.url}/ping`, options)).toEqual({ ok: false, error: 'HTTP 404' });
    await using hanging = await startFakeReceiver([{ hang: true }]);
    expect(await pingHeartbeat(`${hanging.url}/ping`, options)).toEqual({
      ok: false,
      error: 'no answer within 1000 ms',
    });
    const closed = await closedPortUrl();
    expect(await pingHeartbeat(`${closed}/ping`, options)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^network error/),
    });
  });

  it('sends credentials written in the URL as a Basic header, never in the request line', async () => {
    await using receiver = await startFakeReceiver();
    const withCredentials = receiver.url.replace('http://', 'http://me:s%40cret@');
    expect(await pingHeartbeat(`${withCredentials}/ping`, options)).toEqual({ ok: true, status: 200 });
    expect(receiver.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('me:s@cret').toString('base64')}`);
  });
});
