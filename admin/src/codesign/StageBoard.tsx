import { creditsText } from '../advising/routeRows';
import { Announcements, closestCenter, DndContext, DragEndEvent, KeyboardSensor, PointerSensor, UniqueIdentifier, useSensor, useSensors } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { Box, Button, Chip, IconButton, MenuItem, Paper, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { edit, searchCredentials, Stage } from './designerApi';
import { Panel } from './Panel';
import { SearchAutocomplete } from './SearchAutocomplete';
import { useDesigner } from './useDesigner';

const requirementText = (stage: Stage) => {
  const count = stage.entries.length;
  const rule =
    stage.requirement === 'ALL' ? (count === 0 ? 'No credentials yet' : count === 1 ? 'Required' : count === 2 ? 'Both required' : `All ${count} required`) : `At least ${stage.requiredCount} of ${count}`;
  return stage.minCredits ? `${rule}, at least ${creditsText(stage.minCredits)}` : rule;
};

/** How many of the stage's credentials "at least N" may ask for, or why N cannot be saved. */
export function requiredCountProblem(value: string, credentials: number): string | null {
  const count = Number(value);
  if (value.trim() === '' || !Number.isInteger(count) || count < 1) return 'N is a whole number from 1';
  if (count > credentials) return credentials === 0 ? 'Add credentials to this stage first' : `This stage has ${credentials} credential${credentials === 1 ? '' : 's'}: N can be 1 to ${credentials}`;
  return null;
}

const AUTOSAVE_DELAY = 700;

/** The stage's requirement, saved by itself a moment after a valid change, like every other edit of the designer. */
function RequirementEditor({ stage }: { stage: Stage }) {
  const { run, pathway } = useDesigner();
  const [requirement, setRequirement] = useState(stage.requirement);
  const [requiredCount, setRequiredCount] = useState(String(stage.requiredCount ?? 1));
  const [minCredits, setMinCredits] = useState(stage.minCredits === null ? '' : String(stage.minCredits));
  useEffect(() => {
    setRequirement(stage.requirement);
    setRequiredCount(String(stage.requiredCount ?? 1));
    setMinCredits(stage.minCredits === null ? '' : String(stage.minCredits));
  }, [stage.requirement, stage.requiredCount, stage.minCredits]);

  const countProblem = requirement === 'AT_LEAST' ? requiredCountProblem(requiredCount, stage.entries.length) : null;
  const creditsProblem = minCredits !== '' && !(Number(minCredits) >= 0) ? 'Minimum credits cannot be negative' : null;
  const changed =
    requirement !== stage.requirement ||
    (requirement === 'AT_LEAST' && Number(requiredCount) !== stage.requiredCount) ||
    (minCredits === '' ? stage.minCredits !== null : Number(minCredits) !== stage.minCredits);

  // Keyed on the revision too: after a reload that brought someone else's changes, what is still
  // typed here is saved on top of them.
  useEffect(() => {
    if (!changed || countProblem || creditsProblem) return undefined;
    const timer = setTimeout(
      () =>
        run(
          (revision) =>
            edit('pathwayStageUpdate', 'PathwayStageUpdateInput', {
              id: stage.id,
              expectedRevision: revision,
              requirement,
              requiredCount: requirement === 'AT_LEAST' ? Number(requiredCount) : null,
              minCredits: minCredits === '' ? null : Number(minCredits),
            }),
          `Requirement of ${stage.title} saved`,
        ),
      AUTOSAVE_DELAY,
    );
    return () => clearTimeout(timer);
  }, [requirement, requiredCount, minCredits, changed, countProblem, creditsProblem, pathway.revision]);

  return (
    <Stack direction="row" sx={{ gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap', mt: 1 }}>
      <TextField select label="Requirement" value={requirement} onChange={(event) => setRequirement(event.target.value as Stage['requirement'])} sx={{ width: { xs: '100%', sm: 200 } }} margin="none">
        <MenuItem value="ALL">All of them</MenuItem>
        <MenuItem value="AT_LEAST">At least N of them</MenuItem>
      </TextField>
      {requirement === 'AT_LEAST' && (
        <TextField
          label="N"
          type="number"
          value={requiredCount}
          onChange={(event) => setRequiredCount(event.target.value)}
          error={countProblem !== null}
          helperText={countProblem ?? `of ${stage.entries.length}`}
          sx={{ width: countProblem ? 220 : 90 }}
          margin="none"
          slotProps={{ htmlInput: { min: 1, max: Math.max(1, stage.entries.length) } }}
        />
      )}
      <TextField
        label="Minimum credits"
        type="number"
        value={minCredits}
        onChange={(event) => setMinCredits(event.target.value)}
        error={creditsProblem !== null}
        helperText={creditsProblem ?? undefined}
        sx={{ width: 150 }}
        margin="none"
        slotProps={{ htmlInput: { min: 0, step: 0.5 } }}
      />
    </Stack>
  );
}

function StageCard({ stage, index }: { stage: Stage; index: number }) {
  const { allowed, run, busy, removeWithUndo } = useDesigner();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: stage.id, disabled: !allowed.edit });
  const inStage = stage.entries.map((entry) => entry.credential.id);

  return (
    <Paper
      ref={setNodeRef}
      variant="outlined"
      data-testid="stage"
      data-item="stage"
      aria-label={`Stage ${index + 1}: ${stage.title}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      sx={{ p: 1.5, mb: 1.5, display: 'flex', gap: 1, bgcolor: isDragging ? '#f1f7f9' : 'background.paper', boxShadow: isDragging ? 3 : 0, position: 'relative', zIndex: isDragging ? 2 : 'auto' }}
    >
      {allowed.edit && (
        <Tooltip title="Drag to reorder">
          <IconButton ref={setActivatorNodeRef} {...attributes} {...listeners} size="small" aria-label={`Move stage ${stage.title}`} sx={{ cursor: 'grab', alignSelf: 'flex-start', touchAction: 'none' }}>
            <DragIndicatorIcon />
          </IconButton>
        </Tooltip>
      )}
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, justifyContent: 'space-between', flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="h3" tabIndex={-1} data-item-heading sx={{ fontWeight: 600, minWidth: 0, overflowWrap: 'anywhere' }}>
            <Box component="span" sx={{ color: 'primary.main', mr: 1 }}>
              Stage {index + 1}
            </Box>
            {stage.title}
          </Typography>
          <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
            <Typography variant="body2" color="text.secondary" data-testid="stage-requirement">
              {requirementText(stage)}
            </Typography>
            {allowed.edit && stage.entries.length === 0 && (
              <Tooltip title="Remove this empty stage">
                <IconButton size="small" aria-label={`Remove stage ${stage.title}`} data-remove disabled={busy} onClick={() => removeWithUndo(stage.id, `Stage ${stage.title} removed`, (revision) => edit('pathwayStageDelete', 'PathwayStageDeleteInput', { id: stage.id, expectedRevision: revision }))}>
                  <DeleteOutlineIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            )}
          </Stack>
        </Stack>
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
          {stage.entries.map((entry) => (
            <Box component="li" key={entry.id} data-item="entry" sx={{ display: 'flex', flexWrap: { xs: 'wrap', sm: 'nowrap' }, alignItems: 'center', columnGap: 1, py: 0.6, borderTop: '1px solid', borderColor: 'divider' }}>
              <Typography variant="body2" sx={{ flex: 1, flexBasis: { xs: 'calc(100% - 42px)', sm: 0 }, minWidth: 0, overflowWrap: 'anywhere' }}>
                {entry.credential.title}
              </Typography>
              {(entry.credential.status !== 'PUBLISHED' || !entry.credential.assessed) && (
                <Chip size="small" color="warning" variant="outlined" sx={{ order: { xs: 2, sm: 0 } }} label={entry.credential.status === 'PUBLISHED' ? 'Not assessed' : `Credential ${entry.credential.status.toLowerCase()}`} />
              )}
              <Typography variant="caption" color="text.secondary" sx={{ width: { sm: 130 }, flexShrink: 0, textAlign: 'right', order: { xs: 3, sm: 0 }, ml: { xs: 'auto', sm: 0 } }}>
                Level {entry.credential.level} · {creditsText(entry.credential.creditValue)}
              </Typography>
              {allowed.edit && (
                <IconButton
                  size="small"
                  aria-label={`Remove ${entry.credential.title} from ${stage.title}`}
                  data-remove
                  disabled={busy}
                  sx={{ order: { xs: 1, sm: 0 } }}
                  onClick={() => removeWithUndo(entry.id, `${entry.credential.title} removed from ${stage.title}`, (revision) => edit('stageCredentialDelete', 'StageCredentialDeleteInput', { id: entry.id, expectedRevision: revision }))}
                >
                  <CloseIcon fontSize="small" />
                </IconButton>
              )}
            </Box>
          ))}
          {stage.entries.length === 0 && (
            <Typography component="li" variant="body2" color="text.secondary" sx={{ py: 0.6 }}>
              No credentials yet
            </Typography>
          )}
        </Box>
        {allowed.edit && (
          <>
            <Box sx={{ mt: 1, maxWidth: 420 }} data-testid="add-credential">
              <SearchAutocomplete
                name="credentials"
                label={`Add a credential to ${stage.title}`}
                search={searchCredentials}
                exclude={inStage}
                disabled={busy}
                onPick={(option) =>
                  run((revision) => edit('stageCredentialCreate', 'StageCredentialCreateInput', { stageId: stage.id, credentialId: option.id, expectedRevision: revision }), `${option.label} added to ${stage.title}`)
                }
              />
            </Box>
            <RequirementEditor stage={stage} />
          </>
        )}
      </Box>
    </Paper>
  );
}

function AddStage() {
  const { pathway, run, busy } = useDesigner();
  const [title, setTitle] = useState('');
  const field = useRef<HTMLInputElement>(null);
  // No position: the API puts the stage after the last one, whatever gaps deletes left before.
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const name = title.trim();
    if (!name || busy) return;
    const added = await run((revision) => edit('pathwayStageCreate', 'PathwayStageCreateInput', { pathwayId: pathway.id, title: name, requirement: 'ALL', expectedRevision: revision }), `Stage ${name} added`);
    if (!added) return;
    setTitle('');
    // Ready for the next stage, whether it was added with Enter or with the button (disabled now the field is empty).
    field.current?.focus();
  };
  return (
    <Stack component="form" onSubmit={add} direction="row" sx={{ gap: 1, alignItems: 'center', mt: 1 }} aria-label="Add a stage">
      <TextField label="New stage" value={title} onChange={(event) => setTitle(event.target.value)} inputRef={field} margin="none" sx={{ maxWidth: 320, flex: 1 }} />
      <Button type="submit" startIcon={<AddIcon />} disabled={busy || !title.trim()}>
        Add stage
      </Button>
    </Stack>
  );
}

const INSTRUCTIONS = {
  draggable: 'To move a stage, press space or enter on its handle, use the up and down arrow keys to choose its new place, then press space or enter to drop it, or escape to cancel.',
};

/** What the live region says while a stage is moved: its title and positions, never its ID. */
export function stageAnnouncements(stages: readonly Stage[]): Announcements {
  const total = stages.length;
  const title = (id: UniqueIdentifier) => stages.find((stage) => stage.id === id)?.title ?? 'The stage';
  const place = (id: UniqueIdentifier | undefined) => (id === undefined ? -1 : stages.findIndex((stage) => stage.id === id) + 1);
  return {
    onDragStart: ({ active }) => `Picked up stage ${title(active.id)}, at position ${place(active.id)} of ${total}.`,
    // Over its own place right after pickup: the pickup announcement already said where it is.
    onDragOver: ({ active, over }) => (over?.id === active.id ? undefined : over ? `Stage ${title(active.id)} would move to position ${place(over.id)} of ${total}.` : `Stage ${title(active.id)} is not over a position.`),
    onDragEnd: ({ active, over }) => (over ? `Stage ${title(active.id)} dropped at position ${place(over.id)} of ${total}.` : `Stage ${title(active.id)} dropped where it was.`),
    onDragCancel: ({ active }) => `Moving stage ${title(active.id)} was cancelled; it stays at position ${place(active.id)} of ${total}.`,
  };
}

/** Stages in order; partners and staff drag them into a new order, saved as one reorder. */
export function StageBoard() {
  const { pathway, allowed, run } = useDesigner();
  const [order, setOrder] = useState(pathway.stages.map((stage) => stage.id));
  useEffect(() => setOrder(pathway.stages.map((stage) => stage.id)), [pathway.stages]);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const stages = order.map((id) => pathway.stages.find((stage) => stage.id === id)).filter((stage): stage is Stage => stage !== undefined);

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const next = arrayMove(order, order.indexOf(String(active.id)), order.indexOf(String(over.id)));
    setOrder(next);
    const saved = await run((revision) => edit('pathwayStagesReorder', 'PathwayStagesReorderInput', { pathwayId: pathway.id, stageIds: next, expectedRevision: revision }), 'Stages reordered');
    if (!saved) setOrder(pathway.stages.map((stage) => stage.id));
  };

  return (
    <Panel title="Stages" subtitle={allowed.edit ? 'Learners complete the stages in this order. Drag a stage by its handle to move it.' : 'Learners complete the stages in this order.'} testId="stages">
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements: stageAnnouncements(stages), screenReaderInstructions: INSTRUCTIONS }}>
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          {stages.map((stage, index) => (
            <StageCard key={stage.id} stage={stage} index={index} />
          ))}
        </SortableContext>
      </DndContext>
      {stages.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No stages yet
        </Typography>
      )}
      {allowed.edit && <AddStage />}
    </Panel>
  );
}
