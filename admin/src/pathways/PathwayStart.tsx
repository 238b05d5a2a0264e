import CloseIcon from '@mui/icons-material/Close';
import { Alert, Box, Button, Card, CardContent, Chip, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Title, useAuthenticated, useCreatePath } from 'react-admin';
import { useNavigate } from 'react-router';
import { humanize } from '../common/choices';
import { edit, loadViewer, Option, PartnerRole, searchEmployers, searchInstitutions, searchOccupations } from '../codesign/designerApi';
import { SearchAutocomplete } from '../codesign/SearchAutocomplete';

const ROLES: PartnerRole[] = ['LEAD', 'CONTRIBUTOR', 'VALIDATOR'];

/** One chosen record, or the search that chooses it. */
function PickOne({ label, name, value, onChange, search }: { label: string; name: string; value: Option | null; onChange: (option: Option | null) => void; search: (text: string) => Promise<Option[]> }) {
  if (value) {
    return (
      <Box>
        <Typography variant="caption" color="text.secondary" component="div">
          {label}
        </Typography>
        <Chip label={value.detail ? `${value.label} · ${value.detail}` : value.label} onDelete={() => onChange(null)} deleteIcon={<CloseIcon aria-label={`Change ${label.toLowerCase()}`} />} />
      </Box>
    );
  }
  return <SearchAutocomplete name={name} label={label} search={search} onPick={onChange} />;
}

interface Partner {
  employer: Option;
  role: PartnerRole;
}

/**
 * Starts a pathway: the occupation it leads to, the college that owns it and the employers who
 * design it, then opens the designer. An employer partner starts one as its lead.
 */
export const PathwayStart = () => {
  useAuthenticated();
  const navigate = useNavigate();
  const createPath = useCreatePath();
  const viewer = useQuery({ queryKey: ['designerViewer'], queryFn: loadViewer, staleTime: 60_000, retry: false });
  const [occupation, setOccupation] = useState<Option | null>(null);
  const [college, setCollege] = useState<Option | null>(null);
  const [title, setTitle] = useState('');
  const [partners, setPartners] = useState<Partner[]>([]);
  const [role, setRole] = useState<PartnerRole>('LEAD');
  const [employer, setEmployer] = useState<Option | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const me = viewer.data;
  const staffCollege = me?.role === 'INSTITUTION_STAFF' && me.institution ? { id: me.institution.id, label: me.institution.name } : null;
  const owner = staffCollege ?? college;
  const invites = me?.role === 'ADMIN' || me?.role === 'INSTITUTION_STAFF';
  const allowed = invites || me?.role === 'EMPLOYER_PARTNER';

  const addPartner = () => {
    if (!employer) return;
    setPartners([...partners, { employer, role }]);
    setEmployer(null);
    setRole('CONTRIBUTOR');
  };

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!occupation || !owner) return;
    setSaving(true);
    setError(null);
    try {
      const payload = await edit<{ pathway: { id: string } }>(
        'pathwayStart',
        'PathwayStartInput',
        {
          occupationId: occupation.id,
          ownerInstitutionId: owner.id,
          title: title.trim() || null,
          partners: partners.map((partner) => ({ employerId: partner.employer.id, role: partner.role })),
        },
        'pathway { id } userErrors { field message code }',
      );
      navigate(createPath({ resource: 'pathways', id: payload.pathway.id, type: 'show' }));
    } catch (refused) {
      setError(refused instanceof Error ? refused.message : String(refused));
      setSaving(false);
    }
  };

  if (me && !allowed) {
    return (
      <Box sx={{ py: 6, textAlign: 'center' }}>
        <Title title="Start a pathway" />
        <Typography variant="h6">Only college staff and employer partners start pathways</Typography>
      </Box>
    );
  }

  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title="Start a pathway" />
      <CardContent component="form" onSubmit={start} aria-label="Start a pathway">
        <Typography variant="h5" component="h1" sx={{ fontWeight: 700, mb: 1 }}>
          Start a pathway
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Choose the job it leads to and who designs it. It starts as a draft; you add stages and credentials in the designer next.
        </Typography>
        <Stack sx={{ gap: 2 }}>
          <PickOne label="Occupation it leads to" name="start-occupations" value={occupation} onChange={setOccupation} search={searchOccupations} />
          {staffCollege ? (
            <Typography variant="body2">
              Owned by <strong>{staffCollege.label}</strong>, your college
            </Typography>
          ) : (
            <PickOne label="Owning college" name="start-colleges" value={college} onChange={setCollege} search={searchInstitutions} />
          )}
          <TextField label="Title" value={title} onChange={(event) => setTitle(event.target.value)} helperText={occupation ? `Left empty, it is called "${occupation.label}"` : 'Left empty, it is named after the occupation'} margin="none" />
          {invites ? (
            <Box component="fieldset" sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1, p: 1.5, m: 0 }}>
              <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
                Employer partners
              </Typography>
              <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label="Partners to invite">
                {partners.map((partner) => (
                  <Box component="li" key={partner.employer.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, py: 0.5 }}>
                    <Typography variant="body2" sx={{ flex: 1 }}>
                      <strong>{partner.employer.label}</strong> as {humanize(partner.role).toLowerCase()}
                    </Typography>
                    <IconButton size="small" aria-label={`Remove ${partner.employer.label}`} onClick={() => setPartners(partners.filter((other) => other !== partner))}>
                      <CloseIcon fontSize="small" />
                    </IconButton>
                  </Box>
                ))}
              </Box>
              <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1, alignItems: { sm: 'flex-end' }, mt: 1 }}>
                <TextField select label="Role" value={role} onChange={(event) => setRole(event.target.value as PartnerRole)} margin="none" sx={{ width: { xs: '100%', sm: 160 } }}>
                  {ROLES.map((value) => (
                    <MenuItem key={value} value={value}>
                      {humanize(value)}
                    </MenuItem>
                  ))}
                </TextField>
                <Box sx={{ flex: 1 }}>
                  <PickOne label="Employer" name="start-employers" value={employer} onChange={setEmployer} search={(text) => searchEmployers(text).then((found) => found.filter((option) => !partners.some((partner) => partner.employer.id === option.id)))} />
                </Box>
                <Button variant="outlined" onClick={addPartner} disabled={!employer}>
                  Add partner
                </Button>
              </Stack>
            </Box>
          ) : (
            me?.employer && (
              <Typography variant="body2">
                <strong>{me.employer.name}</strong> will be the lead partner; the owning college invites other employers.
              </Typography>
            )
          )}
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          <Box>
            <Button type="submit" variant="contained" disabled={saving || !occupation || !owner}>
              Start pathway
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
};
