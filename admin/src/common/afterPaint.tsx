import { ReactNode, Suspense, useEffect, useState } from 'react';

/** Calls `callback` once what is committed now has been painted (the task after the next frame); the answer cancels it. */
export function afterNextPaint(callback: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(callback, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** True once what was committed with the caller has been painted (the frame after the commit). */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterNextPaint(() => setPainted(true)), []);
  return painted;
}

/**
 * Shows `placeholder` until the content committed with it has been painted, then `children`
 * (lazily loaded code, in a Suspense boundary with the same placeholder): the code is fetched and
 * run after the page's text is on the screen instead of competing with it for a slow phone's
 * network and main thread.
 */
export function AfterPaint({ placeholder, children }: { placeholder: ReactNode; children: ReactNode }) {
  return usePainted() ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}
