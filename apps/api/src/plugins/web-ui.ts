import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The built editor (SPA) at every path outside /api: a file of the build when one matches, else
 * index.html so client-side routes load. Returns false when there is no build to serve.
 */
export async function registerWebUi(app: FastifyInstance, webDist: string | undefined): Promise<boolean> {
  if (!webDist || !existsSync(path.join(webDist, 'index.html'))) return false;
  // serve: false — only reply.sendFile; the one route below serves files (no route per file).
  await app.register(fastifyStatic, { root: webDist, serve: false });
  app.get('/*', (req, reply) => {
    const file = req.url.split('?')[0]!.slice(1);
    // An unknown API path is an API error (JSON 404), never the editor's page.
    if (file === 'api' || file.startsWith('api/')) return reply.callNotFound();
    if (file && existsSync(path.join(webDist, file))) return reply.sendFile(file);
    return reply.sendFile('index.html');
  });
  return true;
}
