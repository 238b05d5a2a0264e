import { Card, CardContent, Stack, Typography } from '@mui/material';
import { ReactNode } from 'react';

/** One section of the designer: a titled card, with its actions at the right of the title. */
export const Panel = ({ title, subtitle, action, children, testId }: { title: string; subtitle?: ReactNode; action?: ReactNode; children: ReactNode; testId?: string }) => (
  <Card component="section" aria-label={title} data-testid={testId} sx={{ mb: 2 }}>
    <CardContent sx={{ '&:last-child': { pb: 2 } }}>
      <Stack direction="row" sx={{ alignItems: 'flex-start', justifyContent: 'space-between', mb: 1.5, gap: 2 }}>
        <div>
          <Typography variant="h6" component="h2" tabIndex={-1} sx={{ fontSize: '1.02rem' }}>
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="body2" color="text.secondary">
              {subtitle}
            </Typography>
          )}
        </div>
        {action}
      </Stack>
      {children}
    </CardContent>
  </Card>
);
