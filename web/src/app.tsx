import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp } from 'antd';
import { useEffect } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from './api/query-client';
import { routes } from './app-routes';
import { sessionStore } from './auth/session-store';
import { LocaleProvider } from './i18n/locale-provider';

const router = createBrowserRouter(routes);
const queryClient = createQueryClient();

export function App() {
  // The next person to sign in on this tab must not see the previous one's cached cases for a moment.
  useEffect(
    () =>
      sessionStore.subscribe(() => {
        if (sessionStore.getSnapshot().session === null) queryClient.clear();
      }),
    [],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <AntdApp>
          <RouterProvider router={router} />
        </AntdApp>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
