import CloseIcon from '@mui/icons-material/Close';
import { Box, Button, Chip, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { FormEvent, useState } from 'react';
import { humanize } from '../common/choices';
import { edit, Option, PartnerRole, searchEmployers } from './designerApi';
import { moveFocusOffRemovedItem } from './focus';
import { Panel } from './Panel';
import { SearchAutocomplete } from './SearchAutocomplete';
import { useDesigner } from './useDesigner';

const ROLES: PartnerRole[] = ['LEAD', 'CONTRIBUTOR', 'VALIDATOR'];
const ROLE_HELP: Record<PartnerRole, string> = {
  LEAD: 'leads the co-design',
  CONTRIBUTOR: 'contributes to the design',
  VALIDATOR: 'approves or sends back the version in review',
};

/** The employers co-designing the pathway; the owning college chooses them and their roles. */
export function PartnersPanel() {
  const { pathway, allowed, run, busy } = useDesigner();
  const [role, setRole] = useState<PartnerRole>('CONTRIBUTOR');
  // The role is chosen first and nothing is saved until "Add partner": picking an employer alone adds no one.
  const [employer, setEmployer] = useState<Option | null>(null);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!employer) return;
    const added = await run(
      (revision) => edit('pathwayPartnerCreate', 'PathwayPartnerCreateInput', { pathwayId: pathway.id, employerId: employer.id, role, expectedRevision: revision }),
      `${employer.label} added as ${humanize(role).toLowerCase()}`,
    );
    if (added) setEmployer(null);
  };
  return (
    <Panel title="Partners" subtitle={`Co-designed with ${pathway.ownerInstitution.name}`} testId="partners">
      {pathway.partners.map((partner) => (
        <Stack key={partner.id} data-item="partner" direction="row" sx={{ alignItems: 'center', gap: 1, py: 0.6, borderTop: '1px solid', borderColor: 'divider', flexWrap: { xs: 'wrap', sm: 'nowrap' } }}>
          <Typography variant="body2" sx={{ flex: 1, flexBasis: { xs: '100%', sm: 0 }, minWidth: 0 }}>
            <strong>{partner.employer.name}</strong>{' '}
            <Box component="span" sx={{ color: 'text.secondary' }}>
              {ROLE_HELP[partner.role]}
            </Box>
          </Typography>
          {allowed.managePartners ? (
            <TextField
              select
              value={partner.role}
              margin="none"
              sx={{ width: 150 }}
              slotProps={{ htmlInput: { 'aria-label': `Role of ${partner.employer.name}` } }}
              onChange={(event) => run((revision) => edit('pathwayPartnerUpdate', 'PathwayPartnerUpdateInput', { id: partner.id, role: event.target.value, expectedRevision: revision }), 'Role changed')}
            >
              {ROLES.map((value) => (
                <MenuItem key={value} value={value}>
                  {humanize(value)}
                </MenuItem>
              ))}
            </TextField>
          ) : (
            <Chip size="small" variant="outlined" label={humanize(partner.role)} color={partner.role === 'VALIDATOR' ? 'secondary' : 'default'} />
          )}
          {allowed.managePartners && (
            <IconButton
              size="small"
              aria-label={`Remove partner ${partner.employer.name}`}
              data-remove
              disabled={busy}
              onClick={() => {
                moveFocusOffRemovedItem();
                void run((revision) => edit('pathwayPartnerDelete', 'PathwayPartnerDeleteInput', { id: partner.id, expectedRevision: revision }), 'Partner removed');
              }}
            >
              <CloseIcon fontSize="small" />
            </IconButton>
          )}
        </Stack>
      ))}
      {pathway.partners.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No employer partners yet
        </Typography>
      )}
      {allowed.managePartners && (
        <Stack component="form" aria-label="Add a partner" onSubmit={add} direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1, alignItems: { sm: 'flex-start' }, mt: 1 }}>
          <TextField select label="Role" value={role} onChange={(event) => setRole(event.target.value as PartnerRole)} margin="none" sx={{ width: { xs: '100%', sm: 150 } }}>
            {ROLES.map((value) => (
              <MenuItem key={value} value={value}>
                {humanize(value)}
              </MenuItem>
            ))}
          </TextField>
          <Box sx={{ flex: 1 }}>
            {employer ? (
              <Chip label={employer.label} onDelete={() => setEmployer(null)} deleteIcon={<CloseIcon aria-label={`Choose another employer than ${employer.label}`} />} sx={{ mt: 0.5 }} />
            ) : (
              <SearchAutocomplete name="employers" label="Employer" search={searchEmployers} exclude={pathway.partners.map((partner) => partner.employer.id)} disabled={busy} onPick={setEmployer} />
            )}
          </Box>
          <Button type="submit" variant="outlined" disabled={busy || !employer}>
            Add partner
          </Button>
        </Stack>
      )}
    </Panel>
  );
}
