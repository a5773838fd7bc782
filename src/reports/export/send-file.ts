import type { FastifyReply } from 'fastify';
import { ExportFile } from './export-file';
import { FileBody } from './file-body';

/**
 * Sends an export as a download while it is written, and resolves once the client has all of it
 * (or has gone). For controllers: the handler, and so the request transaction, lasts until then.
 */
export async function sendFile(reply: FastifyReply, file: ExportFile): Promise<void> {
  const body = new FileBody();
  reply.raw.on('close', () => body.abandon());
  reply
    .header('content-type', file.mediaType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store');
  void reply.send(body.stream);
  try {
    await file.write(body);
  } catch (err) {
    // The client sees an incomplete download, never a truncated file that looks whole.
    body.fail(err as Error);
    throw err;
  }
  await body.end();
}
