import { ReactNode, Suspense, useEffect, useState } from 'react';

/** True once what was committed with the caller has been painted (the frame after the commit). */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
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
