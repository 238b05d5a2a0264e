import CloseIcon from '@mui/icons-material/Close';
import { Box, Chip, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { humanize } from '../common/choices';
import { edit, PartnerRole, searchEmployers } from './designerApi';
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
  return (
    <Panel title="Partners" subtitle={`Co-designed with ${pathway.ownerInstitution.name}`} testId="partners">
      {pathway.partners.map((partner) => (
        <Stack key={partner.id} direction="row" sx={{ alignItems: 'center', gap: 1, py: 0.6, borderTop: '1px solid', borderColor: 'divider' }}>
          <Typography variant="body2" sx={{ flex: 1 }}>
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
            <IconButton size="small" aria-label={`Remove partner ${partner.employer.name}`} disabled={busy} onClick={() => run(() => edit('pathwayPartnerDelete', 'PathwayPartnerDeleteInput', { id: partner.id }), 'Partner removed')}>
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
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center', mt: 1 }}>
          <Box sx={{ flex: 1 }}>
            <SearchAutocomplete
              name="employers"
              label="Add an employer partner"
              search={searchEmployers}
              exclude={pathway.partners.map((partner) => partner.employer.id)}
              disabled={busy}
              onPick={(option) => run((revision) => edit('pathwayPartnerCreate', 'PathwayPartnerCreateInput', { pathwayId: pathway.id, employerId: option.id, role, expectedRevision: revision }), `${option.label} added as ${humanize(role).toLowerCase()}`)}
            />
          </Box>
          <TextField select label="As" value={role} onChange={(event) => setRole(event.target.value as PartnerRole)} margin="none" sx={{ width: 150 }}>
            {ROLES.map((value) => (
              <MenuItem key={value} value={value}>
                {humanize(value)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      )}
    </Panel>
  );
}
