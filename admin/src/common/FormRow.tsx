import { Box } from '@mui/material';
import { ReactNode } from 'react';

/** Short inputs side by side: react-admin inputs take the full width, so each gets a grid column of its own. */
export const FormRow = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', columnGap: 2, width: '100%' }}>{children}</Box>
);
