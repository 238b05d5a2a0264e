import { ComponentType, createElement, lazy, ReactElement, useState } from 'react';

/**
 * A page whose code is fetched the first time it is shown, so the first screen loads only its own
 * page. `load` names the module's export: `lazyPage(() => import('./EmployerList'), 'EmployerList')`.
 * Calling `.preload()` starts the fetch early, for the page a link or the address is about to open.
 *
 * Once its code has arrived, the page renders at once: React.lazy alone suspends on its first
 * render even when the module is already there, and React then shows the fallback and holds the
 * content back for 300 ms more (its throttle on revealing suspended content), which on the first
 * screen was a third of a second of blank page after everything had loaded.
 */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): ((props: any) => ReactElement) & { preload: () => Promise<unknown> } {
  let pending: Promise<{ default: ComponentType<any> }> | undefined;
  let loaded: ComponentType<any> | undefined;
  const start = () =>
    (pending ??= load().then((module) => {
      loaded = module[name] as ComponentType<any>;
      return { default: loaded };
    }));
  const Lazy = lazy(start);
  // Chosen once per mount: switching from the lazy wrapper to the component would remount the page.
  const Page = (props: any): ReactElement => {
    const [component] = useState(() => loaded ?? Lazy);
    return createElement(component, props);
  };
  Page.displayName = `Lazy(${String(name)})`;
  return Object.assign(Page, { preload: start });
}
