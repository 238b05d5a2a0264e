import { useEffect, useLayoutEffect, useSyncExternalStore } from 'react';
import { afterNextPaint } from './afterPaint';

/**
 * Whether the first page the console opened has drawn its content. The app bar's user menu and
 * loading indicator (with the menus, popovers and tooltips they bring, about 30 kB) load only then:
 * loaded with the frame, they took a slow phone's network and main thread while the dashboard's or
 * the designer's data was waiting to be drawn. Pages whose content follows their data (the
 * dashboard, the designer) hold it back until that content is painted; for any other page it is the
 * frame's first paint.
 */
let drawn = false;
let awaiting = 0;
const listeners = new Set<() => void>();

function markDrawn() {
  if (drawn) return;
  drawn = true;
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** True once the first page has drawn its content. */
export function useFirstContentDrawn(): boolean {
  return useSyncExternalStore(subscribe, () => drawn);
}

/** For the frame: its first paint is the first content, unless a page has said it draws its own later. */
export function useFrameDrawn() {
  useEffect(() => {
    afterNextPaint(() => awaiting === 0 && markDrawn());
  }, []);
}

/**
 * For a page whose content follows its data: the first content is drawn once `ready` (its content
 * or what it shows instead, such as an error) has been painted, or when the page goes away.
 */
export function useFirstContent(ready: boolean) {
  useLayoutEffect(() => {
    if (drawn) return;
    awaiting++;
    return () => {
      awaiting--;
      markDrawn();
    };
  }, []);
  useEffect(() => {
    if (ready) afterNextPaint(markDrawn);
  }, [ready]);
}
