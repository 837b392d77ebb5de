// Demo-only: a consent button and a visible log of what Kith emits. Merchants don't need this file.
const log = document.getElementById('log');
const write = (text) => {
  const line = document.createElement('div');
  line.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  log.prepend(line);
  while (log.childElementCount > 6) log.lastElementChild.remove();
};

document.getElementById('consent').addEventListener('click', (e) => {
  // The documented consent signal: any consent manager can send it.
  document.dispatchEvent(new CustomEvent('kith-consent', { detail: 'granted' }));
  e.currentTarget.disabled = true;
  e.currentTarget.textContent = 'Analytics allowed';
  window.dataLayer ??= [];
});

document.addEventListener('kith-live-open', (e) => write(`kith-live-open → ${e.detail.url}`));
document.addEventListener('kith-error', (e) =>
  write(`kith-error from <${e.detail.widget}>: ${e.detail.error.message}`),
);
document.addEventListener('kith-review-submitted', (e) =>
  write(`kith-review-submitted → ${e.detail.review.id} (${e.detail.review.status})`),
);
document.addEventListener('kith-share', (e) =>
  write(`kith-share → ${e.detail.channel} ${e.detail.stage}: ${e.detail.url}`),
);
document.addEventListener('kith-points-check-in', (e) =>
  write(`kith-points-check-in → +${e.detail.points}, ${e.detail.streak}-day streak`),
);
document.addEventListener('kith-points-redeem', (e) =>
  write(`kith-points-redeem → ${e.detail.rewardTitle}: ${e.detail.code}`),
);
document.addEventListener('kith-question-asked', (e) => write(`kith-question-asked → ${e.detail.question.status}`));

// The demo cart: a held team seat is added at the team price; "Pay now" asks the demo shop's
// backend to report the order (POST /v1/admin/orders with the team id), which confirms the seat.
const cart = document.getElementById('cart');
let held;
document.addEventListener('kith-group-join', (e) => {
  held = e.detail;
  const price = new Intl.NumberFormat('en', { style: 'currency', currency: held.price.currency }).format(
    held.price.minor / 100,
  );
  document.getElementById('cart-line').textContent =
    `Everyday tote, team price ${price}. Seat held until ${new Date(held.holdExpiresAt).toLocaleTimeString()}.`;
  cart.hidden = false;
  write(`kith-group-join → team ${held.teamId} at ${price}`);
});
document.addEventListener('kith-group-leave', (e) => {
  if (held?.teamId === e.detail.teamId) cart.hidden = true;
  write(`kith-group-leave → team ${e.detail.teamId}`);
});
document.getElementById('pay').addEventListener('click', async (e) => {
  const button = e.currentTarget;
  button.disabled = true;
  const token = document.querySelector('script[data-customer-token]')?.dataset.customerToken;
  const res = await fetch('/demo/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kith-customer': token ?? '' },
    body: JSON.stringify({
      teamId: held.teamId,
      total: held.price,
      referralCode: window.Kith?.getAttribution?.()?.code,
    }),
  });
  button.disabled = false;
  if (res.ok) {
    cart.hidden = true;
    write(`order reported for team ${held.teamId}`);
  } else write(`checkout failed: ${(await res.json()).error?.message ?? res.status}`);
});
