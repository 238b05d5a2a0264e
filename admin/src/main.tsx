// First, so the first page's query is on its way before React and the console are evaluated.
import './earlyRequests';
import '@fontsource-variable/inter';

/**
 * The console's code (React, MUI, react-admin: about 200 kB gzipped) is evaluated only once
 * index.html's static first paint is on the screen. Imported statically, it was evaluated as soon
 * as it had all arrived, which on a fast connection is before the browser first paints: the page
 * then stayed blank for the whole evaluation (about half a second on a slow phone). The API sends
 * index.html with modulepreloads for it (api/src/core/console-routes.ts), so it downloads in
 * parallel with this module all the same.
 */
const afterFirstPaint = () =>
  new Promise<void>((resolve) => {
    // A tab opened in the background paints nothing until shown, and runs no animation frames.
    if (document.visibilityState === 'hidden') resolve();
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });

void afterFirstPaint()
  .then(() => import('./start'))
  .then(({ start }) => start());
