import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { offlineCss } from './tools/offlineCss';

export default defineConfig({
  plugins: [vue(), offlineCss()],
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        // Staff console and phone pages load different UI kits; keep them apart.
        manualChunks: {
          'element-plus': ['element-plus'],
          vant: ['vant'],
          echarts: ['echarts'],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  test: { environment: 'node', include: ['src/**/*.test.ts', 'tools/**/*.test.ts'] },
});
