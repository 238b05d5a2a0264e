import { Box, Button, Chip, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { humanize } from '../common/choices';
import { Comment, edit } from './designerApi';
import { Panel } from './Panel';
import { useDesigner } from './useDesigner';
import { formatDateTime } from '../common/dates';

const WHOLE_PATHWAY = 'whole-pathway';

const when = formatDateTime;

/**
 * A comment's Resolve button, which opens a small form in its place. Focus follows the form: into
 * its first field when it opens, back to the button when it is cancelled, and onto the comment's
 * new resolution once saved (`onResolved`), so a keyboard user is never sent back to the page top.
 */
function Resolve({ comment, onResolved }: { comment: Comment; onResolved: (commentId: string) => void }) {
  const { run, busy } = useDesigner();
  const [open, setOpen] = useState(false);
  const [resolution, setResolution] = useState<'DONE' | 'ANSWERED' | 'WONT_DO'>('DONE');
  const [note, setNote] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    if (open || !cancelled.current) return;
    cancelled.current = false;
    button.current?.focus();
  }, [open]);
  if (!open) {
    return (
      <Button size="small" ref={button} onClick={() => setOpen(true)}>
        Resolve
      </Button>
    );
  }
  const save = async () => {
    const done = await run(() => edit('pathwayCommentResolve', 'PathwayCommentResolveInput', { id: comment.id, resolution, note: note.trim() || null }), 'Resolved');
    if (!done) return;
    setOpen(false);
    onResolved(comment.id);
  };
  const cancel = () => {
    cancelled.current = true;
    setOpen(false);
  };
  return (
    <Stack
      direction="row"
      sx={{ gap: 1, mt: 1, alignItems: 'center', flexWrap: 'wrap' }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) cancel();
      }}
    >
      <TextField select autoFocus label="Resolution" value={resolution} onChange={(event) => setResolution(event.target.value as typeof resolution)} margin="none" sx={{ width: 140 }}>
        <MenuItem value="DONE">Done</MenuItem>
        <MenuItem value="ANSWERED">Answered</MenuItem>
        <MenuItem value="WONT_DO">Won't do</MenuItem>
      </TextField>
      <TextField label="Note" value={note} onChange={(event) => setNote(event.target.value)} margin="none" sx={{ flex: 1, minWidth: 160 }} />
      <Button size="small" variant="contained" onClick={save} disabled={busy}>
        Save
      </Button>
      <Button size="small" onClick={cancel}>
        Cancel
      </Button>
    </Stack>
  );
}

/** Comments and change requests beside the pathway: open ones first, each resolvable by a co-designer. */
export function Discussion() {
  const { pathway, allowed, run, busy } = useDesigner();
  const [kind, setKind] = useState<'COMMENT' | 'CHANGE_REQUEST'>('COMMENT');
  const [body, setBody] = useState('');
  const [about, setAbout] = useState(WHOLE_PATHWAY);
  const open = pathway.comments.filter((comment) => !comment.resolution);
  const closed = pathway.comments.filter((comment) => comment.resolution);
  /** The comment whose resolution is being saved: its resolution takes focus once it shows. */
  const [resolving, setResolving] = useState<string | null>(null);
  const focusResolution = (element: HTMLElement | null) => {
    if (!element) return;
    element.focus();
    setResolving(null);
  };

  const add = async () => {
    const added = await run(
      () => edit('pathwayCommentAdd', 'PathwayCommentAddInput', { pathwayId: pathway.id, body: body.trim(), kind, stageId: about === WHOLE_PATHWAY ? null : about }),
      kind === 'COMMENT' ? 'Comment added' : 'Change request added',
    );
    if (added) setBody('');
  };

  return (
    <Panel title="Discussion" subtitle={`${open.length} open · ${closed.length} resolved`} testId="discussion">
      {[...open, ...closed].map((comment) => (
        <Box key={comment.id} data-testid="comment" sx={{ py: 1, borderTop: '1px solid', borderColor: 'divider', opacity: comment.resolution ? 0.75 : 1 }}>
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Chip size="small" label={comment.kind === 'CHANGE_REQUEST' ? 'Change request' : 'Comment'} color={comment.kind === 'CHANGE_REQUEST' ? 'warning' : 'default'} variant="outlined" />
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {comment.authorName ? `${comment.authorName}${comment.authorOrganization ? ` · ${comment.authorOrganization}` : ''}` : 'Author not recorded'}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {when(comment.createdAt)}
              {comment.stage && ` · on ${comment.stage.title}`}
            </Typography>
          </Stack>
          <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
            {comment.body}
          </Typography>
          {comment.resolution ? (
            <Typography
              variant="caption"
              color="success.main"
              tabIndex={-1}
              ref={comment.id === resolving ? focusResolution : undefined}
              sx={{ display: 'inline-block', '&:focus-visible': { outlineOffset: 2 } }}
            >
              {humanize(comment.resolution)}
              {comment.resolutionNote && `: ${comment.resolutionNote}`}
            </Typography>
          ) : (
            allowed.comment && <Resolve comment={comment} onResolved={setResolving} />
          )}
        </Box>
      ))}
      {pathway.comments.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No comments yet
        </Typography>
      )}
      {allowed.comment && (
        <Box sx={{ mt: 1.5, pt: 1.5, borderTop: '1px solid', borderColor: 'divider' }} data-testid="new-comment">
          <ToggleButtonGroup size="small" exclusive value={kind} onChange={(_event, value) => value && setKind(value)} sx={{ mb: 1 }}>
            <ToggleButton value="COMMENT">Comment</ToggleButton>
            <ToggleButton value="CHANGE_REQUEST">Change request</ToggleButton>
          </ToggleButtonGroup>
          <TextField label={kind === 'COMMENT' ? 'Your comment' : 'What should change'} value={body} onChange={(event) => setBody(event.target.value)} multiline minRows={2} />
          <Stack direction="row" sx={{ gap: 1, mt: 1, alignItems: 'center' }}>
            <TextField select label="About" value={about} onChange={(event) => setAbout(event.target.value)} margin="none" sx={{ flex: 1, minWidth: 0 }}>
              <MenuItem value={WHOLE_PATHWAY}>The whole pathway</MenuItem>
              {pathway.stages.map((stage) => (
                <MenuItem key={stage.id} value={stage.id}>
                  Stage {stage.position}: {stage.title}
                </MenuItem>
              ))}
            </TextField>
            <Button variant="contained" onClick={add} disabled={busy || !body.trim()} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
              {kind === 'COMMENT' ? 'Post comment' : 'Raise change request'}
            </Button>
          </Stack>
        </Box>
      )}
    </Panel>
  );
}
