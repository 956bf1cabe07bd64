// Server rendering's cost: the feed's page rendered by the production server (in-process, app.inject: no socket, so
// the render and its in-process API requests alone), and time to first byte over HTTP on loopback, both sequential.
import type { FastifyInstance } from 'fastify';
import { quantile } from './stats.ts';

export interface ServerRenderResult {
  render: number[];
  ttfb: number[];
  bytes: number;
}

export async function measureServerRender(
  server: FastifyInstance,
  url: string,
  runs = 200,
): Promise<ServerRenderResult> {
  const render: number[] = [];
  const ttfb: number[] = [];
  let bytes = 0;
  // Warm-up: the render's modules and the backend's first answers.
  for (let i = 0; i < 20; i++) await server.inject({ method: 'GET', url: '/' });
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const answer = await server.inject({ method: 'GET', url: '/' });
    render.push(performance.now() - started);
    if (answer.statusCode !== 200) throw new Error(`the feed page answered ${answer.statusCode}`);
    bytes = answer.rawPayload.length;
  }
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(`${url}/`, { headers: { 'accept-encoding': 'br' } });
    ttfb.push(performance.now() - started);
    await response.arrayBuffer();
  }
  return { render, ttfb, bytes };
}

export const p95 = (values: readonly number[]) => quantile(values, 0.95);
