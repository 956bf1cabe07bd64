// `vite build` as `npm run build` runs it. Vitest sets NODE_ENV=test, and Vite builds a development bundle whenever
// NODE_ENV is set to anything but "production" (React's development build, import.meta.env.PROD false, so no service
// worker): the real-browser tests must see what readers get.
import { build, type InlineConfig } from 'vite';

export async function buildApp(outDir: string, config: InlineConfig = {}): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', ...config, build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
