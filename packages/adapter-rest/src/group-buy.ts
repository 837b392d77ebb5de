import { isHttpError, type GroupBuyApi, type GroupBuyOffer, type GroupBuyTeam } from '@kith/core';
import { TEAM_EVENT } from './api-types.js';
import { snapshotStreams, type LiveContext } from './live.js';

const STATES = new Set(['forming', 'succeeded', 'closed', 'expired']);

/** Enough of a check that a broken message can't reach a widget as a team (the server validates the rest). */
const asTeam = (data: unknown, id: string): GroupBuyTeam | undefined => {
  const t = data as Partial<GroupBuyTeam> | null;
  return typeof t === 'object' &&
    t !== null &&
    t.id === id &&
    STATES.has(t.state as string) &&
    Array.isArray(t.members) &&
    Array.isArray(t.tiers) &&
    typeof t.seatCount === 'number' &&
    typeof t.expiresAt === 'string'
    ? (t as GroupBuyTeam)
    : undefined;
};

const teamPath = (id: string) => `teams/${encodeURIComponent(id)}`;

/**
 * Group buy over HTTP. Writes carry the customer token (set on the adapter) and the caller's
 * Idempotency-Key; a team's stream is shared by every subscriber of that team.
 */
export function createGroupBuyApi(ctx: LiveContext): GroupBuyApi {
  const { http } = ctx;
  const getTeam: GroupBuyApi['getTeam'] = (id, o) => http.get<GroupBuyTeam>(teamPath(id), o);
  const subscribe = snapshotStreams(ctx, TEAM_EVENT, teamPath, asTeam, (id, signal) => getTeam(id, { signal }));

  return {
    // A product without a campaign is 404 `no_campaign`: no offer, not a failure.
    getOffer: (productId, o) =>
      http.get<GroupBuyOffer>(`products/${encodeURIComponent(productId)}/group-buy`, o).catch((e: unknown) => {
        if (isHttpError(e) && e.code === 'no_campaign') return null;
        throw e;
      }),
    getTeam,
    // `o` is the caller's WriteOptions: its signal and Idempotency-Key go to the client as they are.
    startTeam: (campaignId, input, o) =>
      http.post<GroupBuyTeam>(`group-buys/${encodeURIComponent(campaignId)}/teams`, input, o),
    joinTeam: (id, input, o) => http.post<GroupBuyTeam>(`${teamPath(id)}/join`, input, o),
    leaveTeam: (id, o) => http.post<GroupBuyTeam>(`${teamPath(id)}/leave`, undefined, o),
    subscribeTeam: (id, onTeam, o) => subscribe(id, onTeam, o?.onError),
  };
}
