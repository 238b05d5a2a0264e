import { Theme, useMediaQuery } from '@mui/material';

/**
 * Whether the screen is phone-sized (below MUI's `sm`), where tables become one line per record.
 * noSsr: the first render already knows the width, so a phone never draws the table first.
 */
export const usePhone = (): boolean => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });
