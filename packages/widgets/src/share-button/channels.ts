/** What a channel shares, already chosen by the widget. */
export interface ShareContent {
  readonly url: string;
  readonly title: string;
  readonly text: string;
}

/**
 * A share target. `href` is a link template: `{url}`, `{title}` and `{text}` are replaced,
 * URI-encoded. Without `href` the widget handles the channel itself (`copy`, `qr`).
 */
export interface ShareChannel {
  readonly id: string;
  /** Shown in the menu; built-in channels take theirs from the widget's strings. */
  readonly label?: string;
  readonly href?: string;
}

// Links only to schemes that cannot run script, whatever a configuration says.
const SAFE = /^(https:|mailto:|sms:)/i;

/** The built-in channels, in their default order. */
const registry = new Map<string, ShareChannel>(
  [
    { id: 'copy' },
    { id: 'qr' },
    { id: 'email', href: 'mailto:?subject={title}&body={text}%20{url}' },
    { id: 'sms', href: 'sms:?&body={text}%20{url}' },
    { id: 'whatsapp', href: 'https://wa.me/?text={text}%20{url}' },
    { id: 'facebook', href: 'https://www.facebook.com/sharer/sharer.php?u={url}' },
    { id: 'x', href: 'https://x.com/intent/post?url={url}&text={text}' },
    { id: 'weibo', href: 'https://service.weibo.com/share/share.php?url={url}&title={text}' },
    { id: 'line', href: 'https://social-plugins.line.me/lineit/share?url={url}' },
  ].map((c) => [c.id, c]),
);

/** Adds or replaces a channel for every share button on the page (a merchant's own target). */
export function registerShareChannel(channel: ShareChannel): void {
  if (channel.href && !SAFE.test(channel.href))
    throw new TypeError(`Share channel ${channel.id}: href must start with https:, mailto: or sms:`);
  registry.set(channel.id, channel);
}

/** The channels to show: `order` (ids) when given, else every registered one; unknown ids are skipped. */
export function channelsFor(order?: readonly string[], extra?: unknown): ShareChannel[] {
  const known = new Map(registry);
  // From an attribute: anything but a list of channels with safe links is ignored.
  if (Array.isArray(extra))
    for (const c of extra as ShareChannel[]) if (c?.id && (!c.href || SAFE.test(c.href))) known.set(c.id, c);
  return (order ?? [...known.keys()]).map((id) => known.get(id)).filter((c): c is ShareChannel => !!c);
}

/** The channel's link for this content. */
export const hrefFor = (c: ShareChannel, s: ShareContent): string =>
  c.href!.replace(/\{(url|title|text)\}/g, (_, k: keyof ShareContent) => encodeURIComponent(s[k]));
