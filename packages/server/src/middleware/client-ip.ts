import { BlockList, isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../env.js';

/**
 * Which proxies may say who the client is through `X-Forwarded-For`: none (`false`, the default),
 * the `hops` nearest the server whatever their address, or those whose address is in `trusted`.
 */
export type TrustProxy = false | { readonly hops: number } | { readonly trusted: BlockList; readonly spec: string };

/** `KITH_TRUST_PROXY` and `trustProxy`: off (unset, empty, `false`, `0`), a hop count (`1`), or trusted IPs and CIDRs. */
export type TrustProxyOption = string | number | boolean | readonly string[] | undefined;

/** Reads the setting; throws on anything else, so a typo stops the server instead of trusting nobody (or everybody) silently. */
export function parseTrustProxy(option: TrustProxyOption): TrustProxy {
  if (option === undefined || option === false || option === 0) return false;
  const text = (Array.isArray(option) ? option.join(',') : String(option)).trim();
  if (text === '' || text === 'false' || text === '0' || text === 'off') return false;
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const trusted = new BlockList();
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address = '', prefix, extra] = entry.split('/');
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!family || extra !== undefined || !(bits <= (family === 6 ? 128 : 32))) {
      throw new Error(
        `Trust proxy: "${entry}" is not an IP address or CIDR range (use a hop count like 1, or e.g. 10.0.0.0/8,fd00::/8)`,
      );
    }
    trusted.addSubnet(address, bits, family === 6 ? 'ipv6' : 'ipv4');
  }
  return { trusted, spec: text };
}

/** The address as one spelling: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) as IPv4; undefined when not an IP. */
function normalise(address: string | undefined): string | undefined {
  if (!address) return undefined;
  let a = address.trim();
  // `[v6]:port` and `v4:port`, as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.indexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1]!;
  const family = isIP(a);
  return family === 4 ? a : family === 6 ? a.toLowerCase() : undefined;
}

/**
 * The client's address. Off: the peer's. Otherwise the chain is `X-Forwarded-For` (each proxy
 * appends the address it was called from) followed by the peer, and the client is the rightmost
 * address not added by a trusted proxy: the peer and the next `hops - 1` entries for a hop count;
 * for a list, every address from the right while it is in the list. An untrusted peer's header is
 * ignored; anything left of the first untrusted address may be forged and is never read. A chain
 * made only of trusted addresses gives its leftmost; an entry that is not an IP stops the walk at
 * the trusted address to its right.
 */
export function resolveClientIp(
  peerAddress: string | undefined,
  forwardedFor: string | undefined,
  trust: TrustProxy,
): string {
  const peer = normalise(peerAddress);
  if (!peer) return peerAddress || 'unknown';
  if (!trust || !forwardedFor) return peer;
  const chain = [
    ...forwardedFor
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    peer,
  ];
  let client = peer;
  for (let i = chain.length - 1, hop = 0; i >= 0; i--, hop++) {
    const address = normalise(chain[i]);
    if (!address) break;
    client = address;
    const isTrusted =
      'hops' in trust ? hop < trust.hops : trust.trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
    if (!isTrusted) break;
  }
  return client;
}

/** Resolves the client's address once per request, for `clientIp(c)`. */
export function clientIpMiddleware(trust: TrustProxy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let peer: string | undefined;
    try {
      peer = getConnInfo(c).remote.address;
    } catch {
      // app.request() in tests has no socket.
    }
    c.set('clientIp', resolveClientIp(peer, c.req.header('x-forwarded-for'), trust));
    await next();
  };
}

/**
 * The client's address as the trust-proxy setting decides it: the one key for rate limits,
 * submission limits, referral fraud checks and logs. `unknown` without a socket.
 */
export const clientIp = (c: Context): string => (c.get('clientIp') as string | undefined) ?? 'unknown';
