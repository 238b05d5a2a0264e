import { Box } from '@mui/material';
import { Children, isValidElement, ReactNode } from 'react';
import { Labeled } from 'react-admin';

/**
 * Short facts side by side, each under its label, so a record's key figures fit on one screen.
 * `label={false}` tells the surrounding show layout not to label the grid itself.
 */
export const FactGrid = ({ children }: { children: ReactNode; label: false }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', columnGap: 3, rowGap: 2, width: '100%', py: 0.5, overflowWrap: 'anywhere' }}>
    {Children.map(children, (field) => (isValidElement(field) ? <Labeled>{field}</Labeled> : null))}
  </Box>
);
