// Preloaded with `node --import`: no host name resolves, as on a machine whose network or DNS is down. Addresses
// (127.0.0.1) still connect, since they need no lookup.
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';

dns.lookup = (hostname, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    syscall: 'getaddrinfo',
    hostname,
  });
  process.nextTick(done, error);
};
syncBuiltinESMExports();
