import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useAddUndoableMutation, useNotify } from 'react-admin';
import { EditRefused, loadDesign, loadViewer, PathwayDesign, Viewer } from './designerApi';
import { FocusPlace, focusPlace, focusedRemoveLabel, focusUndoneRemoval, moveFocusOffRemovedItem, restoreFocus } from './focus';
import { allowedFor, Allowed } from './permissions';

export interface Designer {
  pathway: PathwayDesign;
  viewer: Viewer | undefined;
  allowed: Allowed;
  /** True while an edit or the reload after it is under way: controls wait, so no edit rests on a stale revision. */
  busy: boolean;
  /** Someone else saved first: the designer says so and waits for a reload. */
  conflict: boolean;
  /** What the last edit came to, for the "Saving…" / "Saved" indicator: idle until the first edit. */
  saveState: SaveState;
  /** Runs an edit based on the current revision, then loads the pathway again; resolves false when it was refused. */
  run(action: (revision: number) => Promise<unknown>, success?: string): Promise<boolean>;
  reload(): Promise<void>;
  /**
   * Removes something at once from view and offers Undo: the removal is only sent when the notice
   * closes without Undo, so an undone removal never reaches the API. Focus moves to the next item, and
   * back to the item if the removal is undone.
   */
  removeWithUndo(id: string, message: string, action: (revision: number) => Promise<unknown>): void;
}

/** The design without what is waiting to be removed: stages, credentials in stages, destinations, off-ramps, partners. */
function withoutHidden(pathway: PathwayDesign, hidden: ReadonlySet<string>): PathwayDesign {
  if (hidden.size === 0) return pathway;
  return {
    ...pathway,
    stages: pathway.stages.filter((stage) => !hidden.has(stage.id)).map((stage) => ({ ...stage, entries: stage.entries.filter((entry) => !hidden.has(entry.id)) })),
    destinationLinks: pathway.destinationLinks.filter((link) => !hidden.has(link.id)),
    offRamps: pathway.offRamps.filter((ramp) => !hidden.has(ramp.id)),
    partners: pathway.partners.filter((partner) => !hidden.has(partner.id)),
  };
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

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
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const pathway = design.data;
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const addUndoable = useAddUndoableMutation();
  // Controls are disabled while an edit saves, and a disabled control loses focus: once the edit is
  // done, focus goes back to where it was.
  const focusBeforeEdit = useRef<FocusPlace | null>(null);
  const working = busy || design.isFetching;
  useEffect(() => {
    const place = focusBeforeEdit.current;
    if (working || !place) return;
    focusBeforeEdit.current = null;
    restoreFocus(place);
  }, [working]);

  // Edits run one after another, each on the revision the one before it left: an add typed while a
  // removal is being sent (after its Undo notice closed) waits for it instead of racing it into a
  // false conflict. The revision is the newest this page has seen of this pathway version.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const revision = useRef<{ id: string; value: number } | undefined>(undefined);
  if (pathway && (revision.current?.id !== id || pathway.revision > revision.current.value)) revision.current = { id, value: pathway.revision };
  const remember = (value: number | undefined) => {
    if (value !== undefined) revision.current = { id, value };
  };

  const reload = useCallback(async () => {
    const reloaded = await design.refetch();
    remember(reloaded.data?.revision);
    setConflict(false);
  }, [design]);

  const runNow = useCallback(
    async (action: (revision: number) => Promise<unknown>, success?: string) => {
      const current = revision.current;
      if (current?.id !== id) return false;
      focusBeforeEdit.current ??= focusPlace();
      setBusy(true);
      setSaveState('saving');
      try {
        await action(current.value);
        const reloaded = await design.refetch();
        remember(reloaded.data?.revision);
        setSaveState('saved');
        if (success) notify(success, { type: 'success' });
        return true;
      } catch (error) {
        setSaveState('failed');
        if (error instanceof EditRefused && error.conflict) setConflict(true);
        else notify(error instanceof Error ? error.message : String(error), { type: 'error' });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [id, design, notify],
  );
  const run = useCallback(
    (action: (revision: number) => Promise<unknown>, success?: string) => {
      const next = queue.current.then(() => runNow(action, success));
      queue.current = next.catch(() => undefined);
      return next;
    },
    [runNow],
  );

  // The undoable removal runs seconds later: by then it must use the revision of that moment.
  const latestRun = useRef(run);
  latestRun.current = run;
  const removeWithUndo = useCallback(
    (id: string, message: string, action: (revision: number) => Promise<unknown>) => {
      const show = () => setHidden((current) => new Set([...current].filter((one) => one !== id)));
      const removeLabel = focusedRemoveLabel();
      moveFocusOffRemovedItem();
      setHidden((current) => new Set([...current, id]));
      addUndoable(({ isUndo }) => {
        if (isUndo) {
          show();
          if (removeLabel) focusUndoneRemoval(removeLabel);
        } else {
          void latestRun.current(action).finally(show);
        }
      });
      notify(message, { type: 'info', undoable: true });
    },
    [addUndoable, notify],
  );
  const shown = useMemo(() => (pathway ? withoutHidden(pathway, hidden) : undefined), [pathway, hidden]);

  const value: Designer | null = pathway && shown ? { pathway: shown, viewer: viewer.data, allowed: allowedFor(viewer.data, shown), busy: working, conflict, saveState, run, reload, removeWithUndo } : null;
  return { value, error: design.error, isPending: design.isPending || viewer.isPending };
}
