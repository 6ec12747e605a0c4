import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The service listens on 3000 by default (PORT); the dev server hands it every API call, so the console talks to one
// origin in development exactly as it does when the service serves the build.
const SERVICE = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true, proxy: { '/api': SERVICE } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than our screens: in chunks of their own, a release of the console leaves
        // them in the browser's cache (they are served immutable).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/, priority: 2 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|dayjs)[\\/]/, priority: 1 },
            // Charts are the supervisor's alone (risk, statistics): in libs every role would load them at sign-in. No priority
            // above react's: a group takes its modules' dependencies along, and echarts-for-react would take React with it.
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/ },
            { name: 'libs', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
    // antd alone is ~900 kB minified (~280 kB gzipped) and is needed by every screen; splitting it further only adds
    // requests.
    chunkSizeWarningLimit: 1000,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
