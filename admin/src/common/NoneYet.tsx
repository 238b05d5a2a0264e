import { Typography } from '@mui/material';

/** What an empty related list says, in place of an empty table. */
export const NoneYet = ({ children = 'None yet' }: { children?: string }) => (
  <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
    {children}
  </Typography>
);
