// The site's public origin, for absolute addresses in pages (canonical, Open Graph): PUBLIC_URL when it is set (a
// proxy or CDN in front may rewrite the host), else the request's own scheme and host.
import type { FastifyRequest } from 'fastify';

export function publicOrigin(request: FastifyRequest, configured: string | null): string {
  if (configured) return new URL(configured).origin;
  return `${request.protocol}://${request.host}`;
}
