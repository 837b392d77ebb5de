// Referral test helpers: a shop with signed-in advocates and friends, the merchant's calls, and
// moving a conversion's return window into the past in SQL instead of waiting.
import { createHash } from 'node:crypto';
import { pointsFixture, usd } from './points.helpers.mjs';

export { usd };
export const emailHash = (email) => createHash('sha256').update(email.toLowerCase()).digest('hex');

let n = 0;
export const orderId = () => `ord-${Date.now()}-${n++}`;

/**
 * A fresh shop with referral settings (a landing URL by default) and the calls the tests make.
 * @param {Awaited<ReturnType<typeof import('./helpers.mjs').createTestServer>>} t the test server
 * @param {{ settings?: object | null, program?: object }} [options]
 */
export async function referralsFixture(t, { settings = { landingUrl: 'https://shop.example.com/' }, program } = {}) {
  const f = await pointsFixture(t, { program });
  if (settings) await f.ok(await f.admin.put('/v1/admin/referrals/settings', settings));
  return {
    ...f,
    link: (customerId, body = {}, o) => f.shopper(customerId).post('/v1/referrals/links', body, o),
    stats: (customerId) => f.shopper(customerId).get('/v1/referrals/me'),
    offer: (code) => f.pub.get(`/v1/referrals/${encodeURIComponent(code)}`),
    visit: (code, body = {}, o) => f.pub.post(`/v1/referrals/${encodeURIComponent(code)}/visits`, body, o),
    signup: (code, customerId) => f.admin.post('/v1/admin/referrals/signups', { code, customerId }),
    refer: (customerId, referralCode, extra = {}) =>
      f.admin.post('/v1/admin/orders', {
        id: orderId(),
        customerId,
        productIds: ['p1'],
        total: usd(5000),
        referralCode,
        ...extra,
      }),
    list: (status) => f.admin.get(`/v1/admin/referrals${status ? `?status=${status}` : ''}`),
    /** The conversion's return window closes: approves_at moves into the past. */
    windowPasses: (conversionId) =>
      t.db.query("UPDATE referral_conversions SET approves_at = now() - interval '1 second' WHERE id = $1", [
        conversionId,
      ]),
  };
}
