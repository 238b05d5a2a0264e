import { ComponentType, lazy, LazyExoticComponent } from 'react';

/**
 * A page whose code is fetched the first time it is shown, so the first screen loads only its own
 * page. `load` names the module's export: `lazyPage(() => import('./EmployerList'), 'EmployerList')`.
 * Calling `.preload()` starts the fetch early, for the page a link or the address is about to open.
 */
export function lazyPage<M extends Record<string, unknown>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<ComponentType<any>> & { preload: () => Promise<unknown> } {
  let pending: Promise<{ default: ComponentType<any> }> | undefined;
  const start = () => (pending ??= load().then((module) => ({ default: module[name] as ComponentType<any> })));
  return Object.assign(lazy(start), { preload: start });
}
