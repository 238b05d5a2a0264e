import Button from '@mui/material/Button';
import { styled } from '@mui/material/styles';
import { useTranslate } from 'react-admin';

const PREFIX = 'RaSkipNavigationButton';

const StyledButton = styled(Button, { name: PREFIX, overridesResolver: (_props, styles) => styles.root })(({ theme }) => ({
  position: 'fixed',
  padding: theme.spacing(1),
  lineHeight: 1.5,
  backgroundColor: (theme.vars || theme).palette.background.default,
  color: (theme.vars || theme).palette.primary.contrastText,
  transition: theme.transitions.create(['top', 'opacity'], { easing: theme.transitions.easing.easeIn, duration: theme.transitions.duration.leavingScreen }),
  left: theme.spacing(2),
  top: theme.spacing(-10),
  zIndex: 5000,
  '&:hover': { opacity: 0.8, backgroundColor: (theme.vars || theme).palette.background.default },
  '&:focus': {
    top: theme.spacing(2),
    transition: theme.transitions.create(['top', 'opacity'], { easing: theme.transitions.easing.easeOut, duration: theme.transitions.duration.enteringScreen }),
  },
}));

/** Moves the keyboard past the menu to the page: focusing and blurring the content starts the next Tab there. */
const skipToContent = () => {
  const content = document.getElementById('main-content');
  if (!content) return;
  content.setAttribute('tabIndex', '-1');
  content.focus();
  content.blur();
  content.removeAttribute('tabIndex');
};

/**
 * react-admin's "Skip to content" button, its class names and styles included. Theirs is built on
 * their Button, which on a phone turns into an icon button with a tooltip and so brought MUI's
 * Tooltip and Popper to every signed-in first screen; this one shows its words at every width.
 */
export function SkipNavigationButton() {
  const translate = useTranslate();
  const label = translate('ra.navigation.skip_nav');
  return (
    <StyledButton className="skip-nav-button" variant="contained" size="small" aria-label={label} onClick={skipToContent}>
      {label}
    </StyledButton>
  );
}
