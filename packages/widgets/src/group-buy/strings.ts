import { registerStrings } from '@kith/core';

// Plural keys (`.one`, `.other`) are chosen by Intl.PluralRules from `count`.
registerStrings('group-buy', 'en', {
  heading: 'Team up and save',
  solo: 'Buy alone',
  team: 'Team price',
  from: 'from {price}',
  reward: 'Bonus for teams that succeed: {reward}',
  rewardPoints: ' · +{count} points',
  scheduled: 'Team buying opens {when}',
  ended: 'This group buy has ended.',
  sold_out: 'Sold out: every team seat is taken.',
  yourTeam: 'Your team',
  leaderTeam: "{name}'s team",
  'state.forming': 'Forming',
  'state.succeeded': 'Team price unlocked',
  'state.closed': 'Team complete',
  'state.expired': 'Expired',
  tier: '{count} people: {price}',
  progress: 'Team progress',
  more: '{joined} joined · {count} more for {price}',
  deepest: '{joined} joined · everyone pays {price}',
  checkingOut: '{count} checking out',
  endsIn: 'Ends in',
  held: 'Seat held at {price}: finish checkout within {time}.',
  confirmed: "You're in: you pay {price}.",
  expiredNote: 'The team did not fill in time: no team price is charged.',
  closedNote: 'Everyone in this team pays {price}.',
  join: 'Join',
  joinTeam: "Join {name}'s team",
  'spots.one': '{count} spot left',
  'spots.other': '{count} spots left',
  openTeams: 'Open teams',
  'moreTeams.one': '{count} more team',
  'moreTeams.other': '{count} more teams',
  start: 'Start a team at {price}',
  leave: 'Leave team',
  signIn: 'Sign in to start or join a team',
  share: 'Invite friends',
  error: 'Group buy could not be loaded.',
  retry: 'Try again',
});

// Other languages load on first use.
registerStrings('group-buy', 'zh-CN', () => import('./strings.zh-CN.js'));
registerStrings('group-buy', 'zh-TW', () => import('./strings.zh-TW.js'));
