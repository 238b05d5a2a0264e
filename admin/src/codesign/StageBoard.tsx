import { closestCenter, DndContext, DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { Box, Button, Chip, IconButton, MenuItem, Paper, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { edit, searchCredentials, Stage } from './designerApi';
import { Panel } from './Panel';
import { SearchAutocomplete } from './SearchAutocomplete';
import { useDesigner } from './useDesigner';

const requirementText = (stage: Stage) => {
  const count = stage.entries.length;
  const rule = stage.requirement === 'ALL' ? (count === 1 ? 'Required' : `All ${count} required`) : `At least ${stage.requiredCount} of ${count}`;
  return stage.minCredits ? `${rule}, at least ${stage.minCredits} credits` : rule;
};

/** The stage's requirement as a small form, saved only when it differs from what is stored. */
function RequirementEditor({ stage }: { stage: Stage }) {
  const { run, busy } = useDesigner();
  const [requirement, setRequirement] = useState(stage.requirement);
  const [requiredCount, setRequiredCount] = useState(String(stage.requiredCount ?? 1));
  const [minCredits, setMinCredits] = useState(stage.minCredits === null ? '' : String(stage.minCredits));
  useEffect(() => {
    setRequirement(stage.requirement);
    setRequiredCount(String(stage.requiredCount ?? 1));
    setMinCredits(stage.minCredits === null ? '' : String(stage.minCredits));
  }, [stage.requirement, stage.requiredCount, stage.minCredits]);

  const changed =
    requirement !== stage.requirement ||
    (requirement === 'AT_LEAST' && Number(requiredCount) !== stage.requiredCount) ||
    (minCredits === '' ? stage.minCredits !== null : Number(minCredits) !== stage.minCredits);

  const save = () =>
    run(
      (revision) =>
        edit('pathwayStageUpdate', 'PathwayStageUpdateInput', {
          id: stage.id,
          expectedRevision: revision,
          requirement,
          requiredCount: requirement === 'AT_LEAST' ? Number(requiredCount) : null,
          minCredits: minCredits === '' ? null : Number(minCredits),
        }),
      'Requirement saved',
    );

  return (
    <Stack direction="row" sx={{ gap: 1.5, alignItems: 'center', flexWrap: 'wrap', mt: 1 }}>
      <TextField select label="Requirement" value={requirement} onChange={(event) => setRequirement(event.target.value as Stage['requirement'])} sx={{ width: 200 }} margin="none">
        <MenuItem value="ALL">All of them</MenuItem>
        <MenuItem value="AT_LEAST">At least N of them</MenuItem>
      </TextField>
      {requirement === 'AT_LEAST' && (
        <TextField label="N" type="number" value={requiredCount} onChange={(event) => setRequiredCount(event.target.value)} sx={{ width: 80 }} margin="none" slotProps={{ htmlInput: { min: 1 } }} />
      )}
      <TextField label="Minimum credits" type="number" value={minCredits} onChange={(event) => setMinCredits(event.target.value)} sx={{ width: 150 }} margin="none" slotProps={{ htmlInput: { min: 0, step: 0.5 } }} />
      {changed && (
        <Button variant="contained" size="small" onClick={save} disabled={busy}>
          Save requirement
        </Button>
      )}
    </Stack>
  );
}

function StageCard({ stage, index }: { stage: Stage; index: number }) {
  const { allowed, run, busy } = useDesigner();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: stage.id, disabled: !allowed.edit });
  const inStage = stage.entries.map((entry) => entry.credential.id);

  return (
    <Paper
      ref={setNodeRef}
      variant="outlined"
      data-testid="stage"
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
        <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, justifyContent: 'space-between' }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
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
                <IconButton size="small" aria-label={`Remove stage ${stage.title}`} disabled={busy} onClick={() => run(() => edit('pathwayStageDelete', 'PathwayStageDeleteInput', { id: stage.id }), 'Stage removed')}>
                  <DeleteOutlineIcon fontSize="small" />
                </IconButton>
              </Tooltip>
            )}
          </Stack>
        </Stack>
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
          {stage.entries.map((entry) => (
            <Box component="li" key={entry.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.6, borderTop: '1px solid', borderColor: 'divider' }}>
              <Typography variant="body2" sx={{ flex: 1 }}>
                {entry.credential.title}
              </Typography>
              {(entry.credential.status !== 'PUBLISHED' || !entry.credential.assessed) && (
                <Chip size="small" color="warning" variant="outlined" label={entry.credential.status === 'PUBLISHED' ? 'Not assessed' : `Credential ${entry.credential.status.toLowerCase()}`} />
              )}
              <Typography variant="caption" color="text.secondary" sx={{ width: 130, textAlign: 'right' }}>
                Level {entry.credential.level} · {entry.credential.creditValue} credits
              </Typography>
              {allowed.edit && (
                <IconButton
                  size="small"
                  aria-label={`Remove ${entry.credential.title} from ${stage.title}`}
                  disabled={busy}
                  onClick={() => run(() => edit('stageCredentialDelete', 'StageCredentialDeleteInput', { id: entry.id }), `${entry.credential.title} removed`)}
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
  const add = async () => {
    const position = pathway.stages.length + 1;
    const added = await run(
      (revision) => edit('pathwayStageCreate', 'PathwayStageCreateInput', { pathwayId: pathway.id, title: title.trim(), position, requirement: 'ALL', expectedRevision: revision }),
      'Stage added',
    );
    if (added) setTitle('');
  };
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center', mt: 1 }}>
      <TextField label="New stage" value={title} onChange={(event) => setTitle(event.target.value)} margin="none" sx={{ maxWidth: 320 }} />
      <Button startIcon={<AddIcon />} onClick={add} disabled={busy || !title.trim()}>
        Add stage
      </Button>
    </Stack>
  );
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
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
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
