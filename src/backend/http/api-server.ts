// A server that answers the API alone: the tests reach the plugin through it (`inject`, no socket), and the API bench
// over loopback HTTP. The production and dev servers register the same plugin among their own routes.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { Backend } from '../ports.ts';
import { errorBody, unreadableAddressBody } from './api-errors.ts';
import { apiPlugin, type ApiPluginOptions } from './api-plugin.ts';
import type { ImageProxyOptions } from './image-proxy.ts';

export async function createApiServer(
  backend: Backend,
  {
    logger = false,
    eventStreams,
    images,
  }: Pick<FastifyServerOptions, 'logger'> &
    Pick<ApiPluginOptions, 'eventStreams'> & { images?: ImageProxyOptions } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    frameworkErrors: (error, _request, reply) =>
      void (reply as FastifyReply).code(400).send(unreadableAddressBody(error)),
  });
  await app.register(apiPlugin, { prefix: '/api', backend, eventStreams, images });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('not_found', `Nothing at ${request.url.split('?')[0]}: the API is under /api`)),
  );
  return app;
}
