import { RaThemeOptions } from 'react-admin';

const INK = '#1b2a35';
const LINE = '#dde3e8';
/** The keyboard focus ring: 7.5:1 against white, 6.9:1 against the page background. */
const FOCUS = '#0e5a6d';

/**
 * A calm, readable theme for college staff and their employer partners: deep teal for the
 * institution, a warm amber for emphasis, white surfaces with hairlines instead of shadows, and
 * Inter at a comfortable size.
 */
export const theme: RaThemeOptions = {
  palette: {
    mode: 'light',
    primary: { main: '#0e5a6d', light: '#3d8396', dark: '#083f4d', contrastText: '#ffffff' },
    secondary: { main: '#b45309', contrastText: '#ffffff' },
    success: { main: '#2e7d4f' },
    // Dark enough for warning text and outlined chips on white and on the grey page (5.1:1 and more).
    warning: { main: '#975a16' },
    info: { main: '#2b6cb0' },
    background: { default: '#f3f6f8', paper: '#ffffff' },
    text: { primary: INK, secondary: '#566573' },
    divider: LINE,
  },
  typography: {
    fontFamily: '"Inter Variable", "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
    fontSize: 14,
    h6: { fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  shape: { borderRadius: 8 },
  sidebar: { width: 264, closedWidth: 56 },
  components: {
    MuiCssBaseline: {
      styleOverrides: {
        // Wherever focus lands by keyboard, a ring of 3px with a white gap inside it, so it shows on
        // white cards, on the grey page and on teal buttons alike. Material UI removes outlines on
        // its buttons and inputs (one class); this selector outranks them.
        'body :focus-visible': {
          outline: `3px solid ${FOCUS}`,
          outlineOffset: 2,
          boxShadow: '0 0 0 2px #ffffff',
        },
        // A text field already shows focus with its thicker border; the ring goes round the whole field.
        'body .MuiInputBase-input:focus-visible': { outline: 'none', boxShadow: 'none' },
        'body .MuiInputBase-root:has(> .MuiInputBase-input:focus-visible)': {
          outline: `3px solid ${FOCUS}`,
          outlineOffset: 2,
        },
      },
    },
    MuiPaper: {
      defaultProps: { elevation: 0 },
      styleOverrides: { outlined: { borderColor: LINE } },
    },
    MuiCard: {
      styleOverrides: { root: { border: `1px solid ${LINE}` } },
    },
    MuiAppBar: {
      styleOverrides: { root: { boxShadow: 'none' } },
    },
    MuiTextField: {
      defaultProps: { variant: 'outlined', margin: 'dense', size: 'small', fullWidth: true },
    },
    MuiFormControl: {
      defaultProps: { variant: 'outlined', margin: 'dense', size: 'small', fullWidth: true },
    },
    MuiAutocomplete: {
      defaultProps: { fullWidth: true },
    },
    MuiTypography: {
      // Subtitles head the parts of a panel, whose title is an h2: h3, not MUI's default h6, keeps
      // the outline of headings in order for screen readers.
      defaultProps: { variantMapping: { subtitle1: 'h3', subtitle2: 'h3' } },
    },
    MuiTab: {
      styleOverrides: { root: { textTransform: 'none', fontWeight: 600, minHeight: 44 } },
    },
    MuiTableCell: {
      styleOverrides: { root: { borderColor: LINE } },
    },
    RaSimpleForm: {
      styleOverrides: { root: { maxWidth: 720 } },
    },
    RaToolbar: {
      styleOverrides: { root: { backgroundColor: '#f7f9fa', borderTop: `1px solid ${LINE}` } },
    },
    RaDataTable: {
      styleOverrides: {
        root: {
          '& .RaDataTable-headerCell': {
            whiteSpace: 'nowrap',
            backgroundColor: '#f7f9fa',
            color: '#566573',
            fontWeight: 600,
            fontSize: '0.8rem',
            letterSpacing: '0.02em',
          },
          '& .RaDataTable-rowCell': { paddingTop: 10, paddingBottom: 10 },
        },
      },
    },
    RaLabeled: {
      styleOverrides: {
        root: {
          '& .RaLabeled-label': { fontWeight: 600, fontSize: '0.78rem', color: '#566573', marginBottom: 2 },
        },
      },
    },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          borderLeft: '3px solid transparent',
          '&.RaMenuItemLink-active': {
            borderLeftColor: '#0e5a6d',
            backgroundColor: 'rgba(14, 90, 109, 0.08)',
            color: '#0e5a6d',
            fontWeight: 600,
            '& .MuiSvgIcon-root': { color: '#0e5a6d' },
          },
        },
      },
    },
    RaSidebar: {
      styleOverrides: {
        root: { backgroundColor: '#ffffff', borderRight: `1px solid ${LINE}` },
      },
    },
    RaLayout: {
      // On a phone the page keeps its width: content may shrink below its widest line, with narrow margins.
      styleOverrides: { root: { '& .RaLayout-content': { padding: '8px 24px 24px', minWidth: 0, '@media (max-width: 599.95px)': { padding: '8px 8px 24px' } } } },
    },
  },
};
