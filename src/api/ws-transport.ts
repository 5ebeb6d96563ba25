/**
 * graphql-ws over the `ws` library: graphql-ws's own `useServer` adapter, plus what a service facing
 * hostile clients needs. A client that does not read is closed once the messages waiting for it
 * pass a bound (instead of the server buffering without limit), and a socket's errors are logged
 * as one line without a stack (they are the client's doing).
 */
import type { IncomingMessage } from 'node:http';
import { CloseCode, DEPRECATED_GRAPHQL_WS_PROTOCOL, handleProtocols, makeServer, type ServerOptions, type Disposable } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger.js';

export interface WsTransportOptions {
  /**
   * Bytes that may wait in a socket's send buffer. Past it the connection is closed with 4400
   * (`CloseCode.BadRequest`, reason `client reads too slowly`): a client that reads again sees the
   * close, one that never does is cut off `terminateAfterMs` later. It may reconnect and resume
   * with `after`.
   */
  maxBufferedBytes: number;
  /** Ping every this often; a client that does not answer with a pong by the next ping is cut off. 0: off. */
  keepAliveMs: number;
  terminateAfterMs?: number;
  logger: Logger;
}

export interface WsExtra {
  socket: WebSocket;
  request: IncomingMessage;
}

/** The reason a connection was closed for not reading. */
export const SLOW_CLIENT_REASON = 'client reads too slowly';

export function serveGraphqlWs<P extends Record<string, unknown>, E extends Record<PropertyKey, unknown>>(
  options: ServerOptions<P, WsExtra & Partial<E>>,
  wss: WebSocketServer,
  transport: WsTransportOptions,
): Disposable {
  const server = makeServer(options);
  const { logger } = transport;
  wss.options.handleProtocols = handleProtocols;
  wss.on('error', (error) => logger.warn({ err: error.message }, 'websocket server error'));

  wss.on('connection', (socket, request) => {
    const cutOff = (): void => {
      if (socket.readyState === socket.CLOSED) return;
      setTimeout(() => socket.terminate(), transport.terminateAfterMs ?? 10_000).unref();
    };
    socket.on('error', (error) => {
      // Oversized frames, protocol errors: the client's doing. One line, no stack.
      logger.info({ err: error.message, code: (error as NodeJS.ErrnoException).code }, 'websocket client error');
      socket.close(CloseCode.BadRequest, 'bad frame');
      cutOff();
    });

    let alive = true;
    socket.on('pong', () => (alive = true));
    const pinger =
      transport.keepAliveMs > 0
        ? setInterval(() => {
            if (!alive) return socket.terminate();
            alive = false;
            socket.ping();
          }, transport.keepAliveMs)
        : null;

    let closing = false;
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve) => {
            if (socket.readyState !== socket.OPEN || closing) return resolve();
            if (socket.bufferedAmount + Buffer.byteLength(data) > transport.maxBufferedBytes) {
              closing = true;
              logger.info({ bufferedBytes: socket.bufferedAmount }, 'websocket closed: the client reads too slowly');
              socket.close(CloseCode.BadRequest, SLOW_CLIENT_REASON);
              cutOff();
              return resolve();
            }
            // Resolved once written to the socket; a failed write ends in 'close', handled below.
            socket.send(data, () => resolve());
          }),
        close: (code, reason) => {
          socket.close(code, reason);
          cutOff();
        },
        onMessage: (handle) =>
          socket.on('message', async (message) => {
            try {
              await handle(String(message));
            } catch (error) {
              logger.error({ err: error instanceof Error ? error.name : 'Error' }, 'websocket message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      { socket, request } as WsExtra & Partial<E>,
    );

    socket.once('close', (code, reason) => {
      if (pinger) clearInterval(pinger);
      if (code === CloseCode.SubprotocolNotAcceptable && socket.protocol === DEPRECATED_GRAPHQL_WS_PROTOCOL) {
        logger.info('websocket client spoke subscriptions-transport-ws; only graphql-transport-ws is served');
      }
      void closed(code, String(reason));
    });
  });

  return {
    async dispose() {
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
