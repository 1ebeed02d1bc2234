import { Button, EmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';

/**
 * What a detail page shows when its record could not be loaded: "not found" when the server says
 * so (or the id is malformed), a network error otherwise; and a way back to the list.
 */
export function LoadError({
  error,
  icon,
  notFound,
  back,
}: {
  error: Error;
  icon: ReactNode;
  notFound: { title: string; text: string };
  back: { to: string; label: string };
}) {
  const { t } = useTranslation();
  const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
  return (
    <Paper withBorder p="xl" maw={640} mx="auto" mt="lg">
      <EmptyState
        icon={icon}
        withIndicatorBackground
        title={missing ? notFound.title : t('errors.title')}
        description={missing ? notFound.text : t('errors.network_error')}
      >
        <EmptyState.Actions>
          <Button component={Link} to={back.to} variant="default">
            {back.label}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
