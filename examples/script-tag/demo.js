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
document.addEventListener('kith-error', (e) => write(`kith-error from <${e.detail.widget}>: ${e.detail.error.message}`));
document.addEventListener('kith-review-submitted', (e) => write(`kith-review-submitted → ${e.detail.review.id} (${e.detail.review.status})`));
document.addEventListener('kith-question-asked', (e) => write(`kith-question-asked → ${e.detail.question.status}`));
