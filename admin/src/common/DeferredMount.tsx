import { ReactNode, startTransition, useDeferredValue, useEffect, useState } from 'react';
import { useFirstContent } from './firstContent';

/**
 * Renders `children` the first time in a render of its own that React may interrupt, instead of
 * within the render that mounted it. Data from react-query and react-admin arrives through
 * `useSyncExternalStore`, whose updates React renders in one piece: a whole page drawn from its
 * data at once blocks the main thread for hundreds of milliseconds on a slow phone. Behind this,
 * the page's frame commits first, then its content renders in slices that let input through.
 * Later updates render straight away, as if this were not there.
 */
export function DeferredMount({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  const ready = useDeferredValue(true, false);
  useFirstContent(ready);
  return ready ? children : fallback;
}

/**
 * Renders `children` only after the content around it has been committed and painted, in a
 * render and commit of their own: for a large section low on the page (tables, charts), so that
 * committing the page is two shorter tasks instead of one long one. Put it where nothing follows
 * it, so nothing moves when it appears.
 */
export function AfterFirstCommit({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => startTransition(() => setReady(true)), []);
  return ready ? children : null;
}
