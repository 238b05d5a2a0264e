import RouteIcon from '@mui/icons-material/Route';
import { Typography } from '@mui/material';
import { Login, LoginForm, PasswordInput, TextInput, required } from 'react-admin';

const pageStyle = {
  background: 'linear-gradient(135deg, #083f4d 0%, #0e5a6d 55%, #3d8396 100%)',
  '& .RaLogin-card': { width: 380, pt: 1 },
  '& .RaLogin-icon': { bgcolor: 'primary.main' },
};

/** Signs in with the account's email, which is what the API's `login` mutation takes. */
export const LoginPage = () => (
  <Login avatarIcon={<RouteIcon />} sx={pageStyle}>
    <Typography variant="h5" align="center" sx={{ fontWeight: 700 }}>
      Pathforge
    </Typography>
    <Typography variant="body2" align="center" color="text.secondary" sx={{ px: 3 }}>
      Design micropathways with employer partners
    </Typography>
    <LoginForm>
      <TextInput source="email" type="email" autoComplete="username" validate={required()} autoFocus />
      <PasswordInput source="password" autoComplete="current-password" validate={required()} />
    </LoginForm>
  </Login>
);
