import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useState } from 'react';
import { useNotify } from 'react-admin';
import { EditRefused, loadDesign, loadViewer, PathwayDesign, Viewer } from './designerApi';
import { allowedFor, Allowed } from './permissions';

export interface Designer {
  pathway: PathwayDesign;
  viewer: Viewer | undefined;
  allowed: Allowed;
  /** True while an edit or the reload after it is under way: controls wait, so no edit rests on a stale revision. */
  busy: boolean;
  /** Someone else saved first: the designer says so and waits for a reload. */
  conflict: boolean;
  /** Runs an edit based on the current revision, then loads the pathway again; resolves false when it was refused. */
  run(action: (revision: number) => Promise<unknown>, success?: string): Promise<boolean>;
  reload(): Promise<void>;
}

export const DesignerContext = createContext<Designer | null>(null);

export function useDesigner(): Designer {
  const designer = useContext(DesignerContext);
  if (!designer) throw new Error('useDesigner needs a PathwayDesigner around it');
  return designer;
}

export function useDesignerState(id: string) {
  const notify = useNotify();
  const design = useQuery({ queryKey: ['pathwayDesign', id], queryFn: () => loadDesign(id), retry: false });
  const viewer = useQuery({ queryKey: ['designerViewer'], queryFn: loadViewer, staleTime: 60_000, retry: false });
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState(false);
  const pathway = design.data;

  const reload = useCallback(async () => {
    await design.refetch();
    setConflict(false);
  }, [design]);

  const run = useCallback(
    async (action: (revision: number) => Promise<unknown>, success?: string) => {
      if (!pathway) return false;
      setBusy(true);
      try {
        await action(pathway.revision);
        await design.refetch();
        if (success) notify(success, { type: 'success' });
        return true;
      } catch (error) {
        if (error instanceof EditRefused && error.conflict) setConflict(true);
        else notify(error instanceof Error ? error.message : String(error), { type: 'error' });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [pathway, design, notify],
  );

  const value: Designer | null = pathway ? { pathway, viewer: viewer.data, allowed: allowedFor(viewer.data, pathway), busy: busy || design.isFetching, conflict, run, reload } : null;
  return { value, error: design.error, isPending: design.isPending || viewer.isPending };
}
