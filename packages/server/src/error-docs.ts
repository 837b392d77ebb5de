import type { KithErrorCode } from '@kith/core';

/**
 * What each error code means and what to do about it: the API reference's "Errors" section
 * (`/docs/api#error-<code>`, where every error body's `docUrl` points) and docs/errors.md are
 * written from this. Typed over `KithErrorCode`, so a new code does not build without its entry.
 */
export const ERROR_DOCS: Record<
  KithErrorCode,
  { readonly status: number; readonly when: string; readonly fix: string }
> = {
  invalid_request: {
    status: 400,
    when: 'A parameter, query or body field is missing or invalid, or a POST has no Idempotency-Key. `details` lists each field as `{ path, message }` (`json.title`, `query.product`).',
    fix: 'Correct the fields `details` names; send an Idempotency-Key with every POST.',
  },
  invalid_text: {
    status: 400,
    when: 'Text in the path, the query or the JSON body (keys included) holds a NUL character or a lone surrogate, which is not Unicode text. `details` names where.',
    fix: 'Send valid Unicode without NUL characters.',
  },
  invalid_date: {
    status: 400,
    when: 'A date outside 1970 to 2999 (UTC). `details` names the field.',
    fix: 'Send an ISO 8601 date in that range.',
  },
  invalid_cursor: {
    status: 400,
    when: 'A `cursor` this listing did not give out.',
    fix: "Pass back the previous page's `nextCursor` unchanged, or start without one.",
  },
  unsupported_media_type: {
    status: 415,
    when: 'A body that is not `application/json` where JSON is expected, or a photo that is not a JPEG, PNG or WebP by its bytes, or is damaged.',
    fix: 'Send JSON with `Content-Type: application/json`; upload a JPEG, PNG or WebP.',
  },
  payload_too_large: {
    status: 413,
    when: 'A JSON body over 1 MB.',
    fix: 'Send less: page through long lists, shorten texts.',
  },
  not_found: {
    status: 404,
    when: "An unknown id (another shop's ids included) or route.",
    fix: 'Check the id and the path; ids belong to one shop.',
  },
  rate_limited: {
    status: 429,
    when: 'Over the write limit for this key and address.',
    fix: 'Wait the seconds `Retry-After` gives, then retry.',
  },
  internal: {
    status: 500,
    when: "A bug on the server's side; the details are in its log, under the response's Request-Id.",
    fix: 'Retry later; report it with the Request-Id.',
  },
  database_unavailable: {
    status: 503,
    when: "The server's database can't be reached (down, restarting, network).",
    fix: 'Retry after `Retry-After` seconds; reads in the widgets retry by themselves.',
  },
  missing_key: {
    status: 401,
    when: 'No API key: neither `Authorization: Bearer <key>` nor `?key=`.',
    fix: "Send the shop's publishable key (`pk_…`), or the secret key for admin routes.",
  },
  invalid_key: {
    status: 401,
    when: 'A key no shop has (a typo, or a rotated secret key past its overlap).',
    fix: 'Check the key; `kith-server keys --shop <id>` prints them.',
  },
  secret_key_required: {
    status: 403,
    when: 'A publishable key on an admin route.',
    fix: "Call admin routes from your server with the shop's secret key, never from a browser.",
  },
  origin_not_allowed: {
    status: 403,
    when: "A browser call from an origin outside the shop's allowed origins; or a console write (a session cookie) from any page but the console's own.",
    fix: "Add the site's origin to the shop's allowed origins. The console's writes come from the console (`/admin/`) on the server's own origin.",
  },
  session_required: {
    status: 401,
    when: 'A console route, or an admin route with a `kith_console` cookie, without an open session: never signed in, signed out, revoked by an owner, or past its 12 hours.',
    fix: 'Sign in to the console again (`POST /v1/console/sign-in`).',
  },
  role_forbidden: {
    status: 403,
    when: "A moderator's session on a route only an owner may use (campaigns, points, referral settings, keys, staff, webhooks, orders).",
    fix: 'Ask an owner of the shop to do it, or to make you an owner.',
  },
  invalid_credentials: {
    status: 401,
    when: 'Signing in with an email and password that do not match a staff member who has set a password. The answer is the same for an unknown email.',
    fix: 'Check both; an owner can send a new invitation link (`kith-server users invite`) to set a new password.',
  },
  sign_in_rate_limited: {
    status: 429,
    when: 'Too many sign-in attempts for one email (5) or from one address (30) in 15 minutes.',
    fix: 'Wait `Retry-After` seconds.',
  },
  invite_invalid: {
    status: 401,
    when: 'An invitation link that is unknown, already used, replaced by a newer one, or more than 7 days old.',
    fix: 'Ask an owner for a new link (`kith-server users invite --shop <id> --email <email>`).',
  },
  customer_token_required: {
    status: 401,
    when: 'A route for a signed-in shopper called without a customer token.',
    fix: "Sign the shopper's token on your server and pass it (`X-Kith-Customer`, or `data-customer-token`).",
  },
  customer_token_malformed: {
    status: 401,
    when: 'The customer token is not a JWT, or its claims have the wrong types.',
    fix: 'Sign it with `signCustomerToken` or a JWT library as docs/server.md shows.',
  },
  customer_token_bad_signature: {
    status: 401,
    when: "The token's signature does not match the shop's secret key.",
    fix: "Sign with this shop's current secret key.",
  },
  customer_token_expired: {
    status: 401,
    when: 'The token is past its `exp`.',
    fix: 'Sign a fresh token; keep them short-lived.',
  },
  customer_token_wrong_alg: {
    status: 401,
    when: 'The token is signed with an algorithm other than HS256.',
    fix: 'Sign with HS256.',
  },
  customer_token_not_yet_valid: {
    status: 401,
    when: 'Its `nbf` or `iat` is in the future beyond the clock tolerance.',
    fix: "Check the signing server's clock.",
  },
  customer_token_unknown_key: {
    status: 401,
    when: "Its `kid` names a key this shop doesn't have.",
    fix: "Use the `kid` of the shop's current (or overlapping) secret key.",
  },
  key_already_rotated: {
    status: 409,
    when: 'Another call rotated this secret key first.',
    fix: 'Use the key that call answered.',
  },
  idempotency_key_reused: {
    status: 422,
    when: 'An Idempotency-Key sent before with a different request.',
    fix: 'Use a new key for each new write; reuse one only to retry the same write.',
  },
  idempotency_in_progress: {
    status: 409,
    when: 'The first request with this Idempotency-Key is still running.',
    fix: 'Retry shortly with the same key: you get its answer.',
  },
  already_reviewed: {
    status: 409,
    when: 'The shopper has already reviewed this product.',
    fix: 'Show their review instead of the form.',
  },
  review_rate_limited: {
    status: 429,
    when: 'Too many reviews, questions or answers from one shopper or address.',
    fix: 'Wait the seconds `Retry-After` gives.',
  },
  media_too_large: { status: 413, when: 'A photo over 5 MB.', fix: 'Resize it before uploading.' },
  image_dimensions: { status: 422, when: 'A photo over 6000 px on a side.', fix: 'Resize it before uploading.' },
  invalid_media: {
    status: 422,
    when: "A photo id that is not this shopper's unused upload.",
    fix: 'Upload the photo again and use the id it answers.',
  },
  upload_quota_exceeded: {
    status: 429,
    when: "Over a shopper's photo quota (30 photos, 60 MB a day).",
    fix: 'Wait the seconds `Retry-After` gives.',
  },
  already_exists: {
    status: 409,
    when: 'An id that is taken: a show, campaign, reward, order or referral record with that id exists.',
    fix: 'Use another id, or read the existing one.',
  },
  illegal_transition: {
    status: 409,
    when: "A change its current state doesn't allow: ending a show that never started, approving a denied referral.",
    fix: 'Read the current state first.',
  },
  no_campaign: {
    status: 404,
    when: 'The product has no group buy.',
    fix: 'Create a campaign for it, or leave out `<kith-group-buy>`.',
  },
  campaign_not_started: { status: 409, when: 'The group buy has not started yet.', fix: 'Wait for its `startsAt`.' },
  campaign_over: { status: 409, when: 'The group buy has ended.', fix: 'Nothing to join: the widget says so.' },
  sold_out: { status: 409, when: 'Every team-price unit is taken.', fix: 'The shopper can still buy alone.' },
  team_full: { status: 409, when: 'The team has no seat left.', fix: 'Join another team or start one.' },
  team_closed: {
    status: 409,
    when: 'The team is no longer open (expired or closed).',
    fix: 'Join another team or start one.',
  },
  team_succeeded: {
    status: 409,
    when: 'The team has succeeded: a seat can no longer be given back here.',
    fix: 'Refund through your shop instead.',
  },
  already_in_team: { status: 409, when: 'The shopper is already in a team for this offer.', fix: 'Show their team.' },
  already_joined: { status: 409, when: 'The shopper already holds a seat in this team.', fix: 'Show their seat.' },
  not_a_member: { status: 409, when: 'The shopper holds no seat in this team.', fix: 'Nothing to leave.' },
  seat_not_held: {
    status: 409,
    when: 'An order reported for a team seat the customer does not hold.',
    fix: "Report the order with the team the customer's seat is in, or without `teamId`.",
  },
  insufficient_points: {
    status: 409,
    when: 'Not enough points for the reward.',
    fix: 'The widget shows how many more are needed.',
  },
  out_of_stock: { status: 409, when: 'The reward has no stock left.', fix: 'Add stock or codes to the reward.' },
  tier_required: {
    status: 409,
    when: 'The reward needs a tier the shopper has not reached.',
    fix: 'The widget shows the tier it needs.',
  },
  already_checked_in: {
    status: 409,
    when: "The shopper has checked in today (in the program's time zone).",
    fix: 'Come back tomorrow.',
  },
  not_in_program: {
    status: 409,
    when: "The shop's points program has no rule for this action.",
    fix: 'Add the rule to the program, or stop reporting the action.',
  },
  landing_url_required: {
    status: 400,
    when: 'A referral link asked for without `url` while the shop has no `landingUrl`.',
    fix: "Pass `url`, or set the referral settings' `landingUrl`.",
  },
  code_capped: {
    status: 404,
    when: 'A referral code used as often as it may be (a leaked code, say).',
    fix: 'The friend shops without the offer; the advocate can share a new link.',
  },
  already_refunded: {
    status: 409,
    when: 'The order was refunded already.',
    fix: 'Nothing to do: refunds are applied once.',
  },
};
