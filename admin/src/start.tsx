import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, loadFirstPage } from './App';

/** Draws the console into #root, in place of index.html's static first paint, with the page its address opens. */
export async function start() {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');

  // index.html's static first paint goes once the console has drawn something of its own (CSS hides
  // it from then on); taken out of the page, it cannot come back while a later page loads.
  const shell = document.querySelector('.pf-shell');
  if (shell) {
    const observer = new MutationObserver(() => {
      if (!root.firstChild) return;
      shell.remove();
      observer.disconnect();
    });
    observer.observe(root, { childList: true });
  }

  // A failure to load shows in the page's error boundary when it renders.
  await loadFirstPage(window.location.pathname.replace(/^\/admin/, '').replace(/\/$/, '')).catch(() => undefined);

  // As a transition, the first render yields to the browser every few milliseconds instead of
  // holding the main thread until the whole console is drawn.
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
