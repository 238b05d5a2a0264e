import { ReactNode, useDeferredValue } from 'react';

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
  return ready ? children : fallback;
}
