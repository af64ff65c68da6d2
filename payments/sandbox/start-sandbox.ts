import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RefundBook } from './refund-book';
import { createSandboxProviderApp } from './sandbox-provider-app';

export interface RunningSandbox {
  url: string;
  book: RefundBook;
  close(): Promise<void>;
}

/** Starts the sandbox payment provider on its own port (0 picks a free one). */
export async function startSandboxProvider(options: {
  file: string;
  port: number;
  host?: string;
  faultsEnabled?: boolean;
  hangMs?: number;
}): Promise<RunningSandbox> {
  const book = new RefundBook(options.file);
  const app = createSandboxProviderApp({ book, faultsEnabled: options.faultsEnabled, hangMs: options.hangMs });
  const host = options.host ?? '127.0.0.1';
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    book,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          book.close();
          resolve();
        });
      }),
  };
}
