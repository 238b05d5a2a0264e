import { defaultTheme, RaThemeOptions } from 'react-admin';

/** A calm, readable theme: deep teal for the college, amber accents for employer actions. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: '#0f5e6e' },
    secondary: { main: '#0f5e6e' },
    warning: { main: '#c77800' },
    background: { default: '#f5f7f8' },
  },
  typography: { fontFamily: '"Inter", "Segoe UI", Roboto, Helvetica, Arial, sans-serif' },
  shape: { borderRadius: 8 },
};
