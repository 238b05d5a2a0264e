import { Box } from '@mui/material';
import { ComponentType, Suspense } from 'react';
import { lazyPage } from './lazyPage';

/**
 * A section of a page whose code is fetched apart from the page's, so the page can show without
 * it. Until it arrives, an empty box of about its height holds its place, so what is below it moves
 * little. `preload` starts the fetch as soon as this module runs, for a section that is on the
 * first screen: its code then loads while the page's data does.
 */
export function lazyPanel<M extends Record<string, unknown>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
  { height, preload = false }: { height: number; preload?: boolean },
): ComponentType {
  const Panel = lazyPage(load, name);
  if (preload) void Panel.preload();
  const LazyPanel = () => (
    <Suspense fallback={<Box aria-hidden sx={{ minHeight: height, mb: 2 }} />}>
      <Panel />
    </Suspense>
  );
  LazyPanel.displayName = `Lazy(${String(name)})`;
  return LazyPanel;
}
