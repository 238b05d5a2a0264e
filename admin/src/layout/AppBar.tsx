import RouteIcon from '@mui/icons-material/Route';
import { Box, Typography } from '@mui/material';
import { AppBar as RaAppBar, TitlePortal } from 'react-admin';

const Brand = () => (
  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mr: { xs: 1, sm: 3 }, flexShrink: 0 }}>
    <RouteIcon />
    <Typography component="span" sx={{ fontWeight: 700, fontSize: '1.15rem', letterSpacing: '0.01em' }}>
      Pathforge
    </Typography>
  </Box>
);

export const AppBar = () => (
  <RaAppBar color="primary" alwaysOn>
    <Brand />
    <TitlePortal sx={{ opacity: 0.85, fontSize: '1rem', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} />
  </RaAppBar>
);
