import RouteIcon from '@mui/icons-material/Route';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import { Avatar, Box, Button, Card, CardContent, CircularProgress, IconButton, InputAdornment, TextField, Typography } from '@mui/material';
import { FormEvent, useEffect, useState } from 'react';
import { useCheckAuth, useLogin, useNavigate, useNotify, useTranslate } from 'react-admin';

const pageStyle = {
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  minHeight: '100vh',
  px: 1,
  background: 'linear-gradient(135deg, #083f4d 0%, #0e5a6d 55%, #3d8396 100%)',
};

type Field = 'email' | 'password';

/**
 * Signs in with the account's email, which is what the API's `login` mutation takes. Two fields
 * need no form library: react-admin's Login and LoginForm would bring react-hook-form and its
 * inputs (about 25 kB gzipped) onto the first screen everyone sees.
 */
export const LoginPage = () => {
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  useEffect(() => {
    // Someone already signed in who opens this page goes to the dashboard.
    checkAuth({}, false)
      .then(() => navigate('/'))
      .catch(() => undefined);
  }, [checkAuth, navigate]);
  const login = useLogin();
  const notify = useNotify();
  const translate = useTranslate();
  const [values, setValues] = useState<Record<Field, string>>({ email: '', password: '' });
  const [missing, setMissing] = useState<Field[]>([]);
  const [showPassword, setShowPassword] = useState(false);
  const [loading, setLoading] = useState(false);

  const change = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setMissing((current) => current.filter((name) => name !== field));
  };
  const helper = (field: Field) => (missing.includes(field) ? translate('ra.validation.required') : ' ');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = (Object.keys(values) as Field[]).filter((field) => !values[field].trim());
    setMissing(empty);
    if (empty.length) return;
    setLoading(true);
    try {
      await login(values);
    } catch (error) {
      const message = typeof error === 'string' ? error : (error as Error | undefined)?.message || 'ra.auth.sign_in_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setLoading(false);
    }
  };

  return (
    <Box component="main" sx={pageStyle}>
      <Card sx={{ width: 380, maxWidth: '100%', mt: '6em', pt: 1 }}>
        <Box sx={{ display: 'flex', justifyContent: 'center', m: '1em' }}>
          <Avatar sx={{ bgcolor: 'primary.main' }}>
            <RouteIcon />
          </Avatar>
        </Box>
        <Typography component="h1" variant="h5" align="center" sx={{ fontWeight: 700 }}>
          Pathforge
        </Typography>
        <Typography variant="body2" align="center" color="text.secondary" sx={{ px: 3 }}>
          Design micropathways with employer partners
        </Typography>
        <form onSubmit={submit} noValidate>
          <CardContent sx={{ px: 3, pb: '16px !important' }}>
            <TextField
              label="Email"
              type="email"
              name="email"
              autoComplete="username"
              required
              autoFocus
              value={values.email}
              onChange={change('email')}
              error={missing.includes('email')}
              helperText={helper('email')}
            />
            <TextField
              label={translate('ra.auth.password')}
              type={showPassword ? 'text' : 'password'}
              name="password"
              autoComplete="current-password"
              required
              value={values.password}
              onChange={change('password')}
              error={missing.includes('password')}
              helperText={helper('password')}
              slotProps={{
                input: {
                  endAdornment: (
                    <InputAdornment position="end">
                      <IconButton
                        aria-label={translate(showPassword ? 'ra.input.password.toggle_visible' : 'ra.input.password.toggle_hidden')}
                        onClick={() => setShowPassword(!showPassword)}
                        size="large"
                      >
                        {showPassword ? <Visibility /> : <VisibilityOff />}
                      </IconButton>
                    </InputAdornment>
                  ),
                },
              }}
            />
            <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
              {loading ? <CircularProgress size={19} thickness={3} sx={{ m: 0.3 }} aria-label="Signing in" /> : translate('ra.auth.sign_in')}
            </Button>
          </CardContent>
        </form>
      </Card>
    </Box>
  );
};
