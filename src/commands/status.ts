/**
 * The notice dialog's page: shows the title and lines a ribbon command put in the query string, as
 * plain text, and tells the command it may close (Office.context.ui.messageParent).
 */
function param(name: string): string {
  return new URLSearchParams(window.location.search).get(name) ?? '';
}

function render(): void {
  const ok = param('ok') !== '0';
  document.body.classList.add(ok ? 'ok' : 'failed');
  const title = document.getElementById('title')!;
  title.textContent = param('title');
  document.title = param('title');
  const text = document.getElementById('text')!;
  for (const line of param('text').split('\n')) {
    if (line.trim() === '') continue;
    const p = document.createElement('p');
    p.textContent = line;
    text.appendChild(p);
  }
  const button = document.getElementById('close') as HTMLButtonElement;
  button.textContent = param('close') || 'OK';
  button.addEventListener('click', () => {
    try {
      Office.context.ui.messageParent('close');
    } catch {
      window.close();
    }
  });
  button.focus();
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => render());
} else {
  render();
}
