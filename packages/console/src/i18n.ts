import { LitElement } from 'lit';

/** Every string the console shows, in every language it ships; a key missing in one fails the type check. */
const en = {
  'app.title': 'Kith console',
  'app.skip': 'Skip to content',
  'app.loading': 'Loading…',
  'app.language': 'Language',
  'app.signOut': 'Sign out',
  'app.signedInAs': 'Signed in as {email} ({role})',
  'app.nav': 'Sections',
  'app.offline': 'The server could not be reached. Check your connection and try again.',
  'app.sessionEnded': 'Your session ended. Sign in again; nothing you typed is lost.',
  'role.owner': 'owner',
  'role.moderator': 'moderator',
  'nav.overview': 'Overview',
  'nav.moderation': 'Moderation',
  'nav.audit': 'Audit log',
  'nav.staff': 'Staff',
  'signIn.title': 'Sign in',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.busy': 'Signing in…',
  'signIn.invalid_credentials': 'That email and password do not match. Check both and try again.',
  'signIn.sign_in_rate_limited': 'Too many attempts. Try again in {minutes} min.',
  'signIn.help': 'No password yet? Use the invitation link an owner sent you.',
  'accept.title': 'Set your password',
  'accept.lead': 'Choose a password of at least 12 characters. A few unrelated words make a good one.',
  'accept.password': 'New password',
  'accept.confirm': 'The same password again',
  'accept.submit': 'Set password and sign in',
  'accept.mismatch': 'The two passwords are not the same.',
  'accept.tooShort': 'Use at least 12 characters.',
  'accept.invite_invalid':
    'This invitation link was used, replaced or is more than 7 days old. Ask an owner for a new one.',
  'overview.title': 'Overview',
  'overview.attention': 'Needs attention',
  'overview.pendingReviews': 'Reviews waiting for moderation',
  'overview.pendingQuestions': 'Questions waiting for moderation',
  'overview.flaggedReferrals': 'Referral conversions flagged for review',
  'overview.more': '{count}+',
  'overview.open': 'Open the queue',
  'moderation.title': 'Moderation',
  'moderation.status': 'Show',
  'moderation.pending': 'Waiting',
  'moderation.published': 'Published',
  'moderation.rejected': 'Rejected',
  'moderation.empty': 'Nothing here. New reviews that need a look will appear here.',
  'moderation.keys': 'Keys: j and k move between reviews, a approves, r rejects, e writes a reply.',
  'moderation.stars': '{rating} out of 5 stars',
  'moderation.product': 'Product {id}',
  'moderation.by': 'Review by {name}',
  'moderation.verified': 'Verified buyer',
  'moderation.photo': 'Photo {n} of {count}',
  'moderation.approve': 'Approve',
  'moderation.reject': 'Reject',
  'moderation.reply': 'Reply',
  'moderation.replyLabel': 'Your public reply',
  'moderation.sendReply': 'Publish reply',
  'moderation.cancel': 'Cancel',
  'moderation.yourReply': 'Your reply',
  'moderation.approved': 'Review by {name} approved.',
  'moderation.rejectedDone': 'Review by {name} rejected.',
  'moderation.replied': 'Reply to {name} published.',
  'moderation.more': 'Load more',
  'flag.contact_or_link': 'Contact details or a link',
  'flag.duplicate_text': 'Same text as another review',
  'flag.media': 'Has photos',
  'flag.reported': 'Reported by shoppers',
  'audit.title': 'Audit log',
  'audit.when': 'When',
  'audit.who': 'Who',
  'audit.what': 'What',
  'audit.target': 'On',
  'audit.change': 'Change',
  'audit.secretKey': 'Secret key (your server)',
  'audit.empty': 'No changes yet.',
  'audit.more': 'Older entries',
  'staff.title': 'Staff',
  'staff.email': 'Email',
  'staff.role': 'Role',
  'staff.state': 'State',
  'staff.active': 'Active',
  'staff.invited': 'Invited',
  'staff.invite': 'Invite someone',
  'staff.send': 'Create invitation link',
  'staff.link': 'Send this link to {email}. It works once, for 7 days, and is not shown again.',
  'staff.signOutAll': 'End their sessions',
  'staff.remove': 'Remove',
  'staff.removed': '{email} can no longer sign in.',
  'staff.ended': '{count} session(s) of {email} ended.',
  'staff.already_exists': 'That email is already on a staff.',
  'staff.invalidEmail': 'Enter a valid email address.',
  'error.generic': 'Something went wrong ({code}). Nothing was changed; try again.',
  'error.role_forbidden': 'Only an owner of the shop can do this.',
} as const;

export type StringKey = keyof typeof en;

const zhCN: Record<StringKey, string> = {
  'app.title': 'Kith 商家后台',
  'app.skip': '跳到主要内容',
  'app.loading': '加载中…',
  'app.language': '语言',
  'app.signOut': '退出登录',
  'app.signedInAs': '当前登录：{email}（{role}）',
  'app.nav': '栏目',
  'app.offline': '无法连接服务器。请检查网络后重试。',
  'app.sessionEnded': '登录已过期，请重新登录；已填写的内容不会丢失。',
  'role.owner': '所有者',
  'role.moderator': '审核员',
  'nav.overview': '概览',
  'nav.moderation': '内容审核',
  'nav.audit': '操作日志',
  'nav.staff': '员工',
  'signIn.title': '登录',
  'signIn.email': '邮箱',
  'signIn.password': '密码',
  'signIn.submit': '登录',
  'signIn.busy': '正在登录…',
  'signIn.invalid_credentials': '邮箱和密码不匹配，请检查后重试。',
  'signIn.sign_in_rate_limited': '尝试次数过多，请 {minutes} 分钟后再试。',
  'signIn.help': '还没有密码？请使用所有者发给您的邀请链接。',
  'accept.title': '设置密码',
  'accept.lead': '请设置至少 12 个字符的密码。几个不相关的词组合起来就是好密码。',
  'accept.password': '新密码',
  'accept.confirm': '再次输入密码',
  'accept.submit': '设置密码并登录',
  'accept.mismatch': '两次输入的密码不一致。',
  'accept.tooShort': '请至少使用 12 个字符。',
  'accept.invite_invalid': '此邀请链接已使用、已被替换或已超过 7 天。请向所有者索取新链接。',
  'overview.title': '概览',
  'overview.attention': '待处理',
  'overview.pendingReviews': '待审核的评价',
  'overview.pendingQuestions': '待审核的问题',
  'overview.flaggedReferrals': '待核查的推荐转化',
  'overview.more': '{count}+',
  'overview.open': '打开队列',
  'moderation.title': '内容审核',
  'moderation.status': '显示',
  'moderation.pending': '待审核',
  'moderation.published': '已发布',
  'moderation.rejected': '已拒绝',
  'moderation.empty': '暂无内容。需要审核的新评价会显示在这里。',
  'moderation.keys': '快捷键：j 和 k 在评价间移动，a 通过，r 拒绝，e 回复。',
  'moderation.stars': '{rating} 星（满分 5 星）',
  'moderation.product': '商品 {id}',
  'moderation.by': '{name} 的评价',
  'moderation.verified': '已购买',
  'moderation.photo': '第 {n} 张照片，共 {count} 张',
  'moderation.approve': '通过',
  'moderation.reject': '拒绝',
  'moderation.reply': '回复',
  'moderation.replyLabel': '公开回复',
  'moderation.sendReply': '发布回复',
  'moderation.cancel': '取消',
  'moderation.yourReply': '您的回复',
  'moderation.approved': '已通过 {name} 的评价。',
  'moderation.rejectedDone': '已拒绝 {name} 的评价。',
  'moderation.replied': '已发布对 {name} 的回复。',
  'moderation.more': '加载更多',
  'flag.contact_or_link': '含联系方式或链接',
  'flag.duplicate_text': '与其他评价内容相同',
  'flag.media': '含照片',
  'flag.reported': '被顾客举报',
  'audit.title': '操作日志',
  'audit.when': '时间',
  'audit.who': '操作人',
  'audit.what': '操作',
  'audit.target': '对象',
  'audit.change': '变更',
  'audit.secretKey': '密钥（您的服务器）',
  'audit.empty': '暂无操作记录。',
  'audit.more': '更早的记录',
  'staff.title': '员工',
  'staff.email': '邮箱',
  'staff.role': '角色',
  'staff.state': '状态',
  'staff.active': '已启用',
  'staff.invited': '已邀请',
  'staff.invite': '邀请员工',
  'staff.send': '生成邀请链接',
  'staff.link': '请把此链接发给 {email}。链接仅可使用一次，7 天内有效，且不会再次显示。',
  'staff.signOutAll': '结束其所有登录',
  'staff.remove': '移除',
  'staff.removed': '{email} 已无法登录。',
  'staff.ended': '已结束 {email} 的 {count} 个登录。',
  'staff.already_exists': '该邮箱已是员工。',
  'staff.invalidEmail': '请输入有效的邮箱地址。',
  'error.generic': '出错了（{code}）。没有做任何更改，请重试。',
  'error.role_forbidden': '只有店铺所有者可以执行此操作。',
};

export const LOCALES = {
  en: { label: 'English', strings: en },
  'zh-CN': { label: '简体中文', strings: zhCN },
} as const;
export type Locale = keyof typeof LOCALES;

let current: Locale = navigator.languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
const elements = new Set<LitElement>();

export const locale = () => current;

/** Switches every element of the console to `next` (not stored anywhere: the browser's language decides on the next visit). */
export function setLocale(next: Locale): void {
  current = next;
  document.documentElement.lang = next;
  document.title = t('app.title');
  for (const e of elements) e.requestUpdate();
}

export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
  const text: string = LOCALES[current].strings[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** Dates and times in the console's language and the browser's time zone. */
export const formatDate = (iso: string) =>
  new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** A LitElement that renders again when the language changes. */
export class ConsoleElement extends LitElement {
  override connectedCallback(): void {
    super.connectedCallback();
    elements.add(this);
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    elements.delete(this);
  }
}
