// The page's module script in the build (vite.config.ts builds it on its own and puts it in place of the app's, which
// index.html then only preloads): the app's code is evaluated and hydrates only after the browser has painted the
// server's HTML. Run as soon as the HTML was parsed, the app's evaluation (about 0.3 s at 4x CPU) and hydration (one
// task of about 0.7 s) came before that paint, so the headlines waited for them (see README, "The feed's first load").
import { afterFirstPaint } from './after-first-paint';

const app = document.querySelector<HTMLLinkElement>('link[rel="modulepreload"][data-app-entry]');
if (app) {
  await afterFirstPaint();
  await import(/* @vite-ignore */ app.href);
}
