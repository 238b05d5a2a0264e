import { Box } from '@mui/material';
import { ComponentType } from 'react';
import { AfterPaint } from './afterPaint';
import { lazyPage } from './lazyPage';

/**
 * A section of a page whose code is fetched apart from the page's, once the page's own content
 * around it has been painted: the page's text shows without waiting for it, and on a slow phone
 * its code does not compete with that text for the network and the main thread. Until it arrives,
 * an empty box of about its height holds its place, so what is below it moves little.
 */
export function lazyPanel<M extends Record<string, unknown>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
  { height }: { height: number },
): ComponentType {
  const Panel = lazyPage(load, name);
  const LazyPanel = () => (
    <AfterPaint placeholder={<Box aria-hidden sx={{ minHeight: height, mb: 2 }} />}>
      <Panel />
    </AfterPaint>
  );
  LazyPanel.displayName = `Lazy(${String(name)})`;
  return LazyPanel;
}
