// The few things the Redis coordinator needs from a node-redis client, behind one small class:
// scripts by SHA (loaded again after a server restart), publish, and a subscription on a second
// connection of our own (a connection in subscriber mode cannot run other commands).
import { createHash } from 'node:crypto';

/**
 * The part of a node-redis (`redis` 5 or later) client the coordinator uses. Any client from
 * `createClient()` fits; it is described here, not imported, so the types do not depend on the
 * client's generics (modules, scripts, RESP version).
 */
export interface NodeRedisClient {
  /** Whether the client was connected (it may be reconnecting). */
  readonly isOpen: boolean;
  /** Whether commands can be sent now. */
  readonly isReady: boolean;
  /** Opens the connection (only called on a client the coordinator created). */
  connect(): Promise<unknown>;
  /** A new client with the same options: the coordinator's pub/sub connection. */
  duplicate(overrides?: object): NodeRedisClient;
  /** Runs a loaded Lua script by its SHA1. */
  evalSha(sha1: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  /** Runs (and loads) a Lua script. */
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  /** Publishes a message on a channel. */
  publish(channel: string, message: string): Promise<unknown>;
  /** Subscribes to a channel (on the pub/sub connection). */
  subscribe(
    channel: string,
    listener: (message: string, channel: string) => void,
  ): Promise<unknown>;
  /** Ends a subscription. */
  unsubscribe(channel: string): Promise<unknown>;
  /** Listens to connection errors (on connections the coordinator opened). */
  on(event: 'error', listener: (error: unknown) => void): unknown;
  /** Waits for the connection to be ready once. */
  once(event: 'ready', listener: () => void): unknown;
  /** Closes the connection after pending replies. */
  close(): Promise<unknown>;
  /** Closes the connection at once. */
  destroy(): unknown;
}

/** A Lua script and its SHA1, for EVALSHA. */
export interface RedisScript {
  readonly text: string;
  readonly sha1: string;
}

export function redisScript(text: string): RedisScript {
  return { text, sha1: createHash('sha1').update(text).digest('hex') };
}

const ignore = () => {};

/** One coordinator's connections: the command client (ours or the caller's) and a subscriber. */
export class RedisLink {
  readonly #client: NodeRedisClient;
  readonly #owned: boolean;
  #connected = false;
  #firstConnection: Promise<void> | undefined;
  #subscriber: NodeRedisClient | undefined;
  #closed = false;

  /** `owned`: this link created the client, connects it and closes it. */
  constructor(client: NodeRedisClient, owned: boolean) {
    this.#client = client;
    this.#owned = owned;
    // An 'error' event without a listener would crash the process; outages surface as failed
    // commands instead.
    if (owned) client.on('error', ignore);
  }

  /** Whether commands can still be sent through this link (it was not closed). */
  get usable(): boolean {
    return !this.#closed;
  }

  /** Runs a script, loading it again when Redis forgot it (a restart, SCRIPT FLUSH). */
  async run(script: RedisScript, keys: string[], args: string[]): Promise<unknown> {
    await this.#whenReady();
    try {
      return await this.#client.evalSha(script.sha1, { keys, arguments: args });
    } catch (error) {
      if (!String((error as Error)?.message).startsWith('NOSCRIPT')) throw error;
      return this.#client.eval(script.text, { keys, arguments: args });
    }
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.#whenReady();
    await this.#client.publish(channel, message);
  }

  /**
   * Subscribes on a connection of our own (a duplicate of the client: same server, same
   * credentials). It reconnects and resubscribes by itself; resolves once subscribed or after
   * `waitMs`, whichever is first, and never rejects.
   */
  async subscribe(
    channel: string,
    onMessage: (message: string) => void,
    waitMs: number,
  ): Promise<void> {
    if (this.#closed) return;
    if (!this.#subscriber) {
      // Subscriptions may wait for the connection, whatever the command client's settings.
      const subscriber = this.#client.duplicate({ disableOfflineQueue: false });
      subscriber.on('error', ignore);
      this.#subscriber = subscriber;
      subscriber.connect().catch(ignore);
    }
    const subscribed = this.#subscriber.subscribe(channel, (message) => onMessage(message));
    subscribed.catch(ignore);
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      subscribed.then(ignore, ignore),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, waitMs);
      }),
    ]);
    clearTimeout(timer);
  }

  async unsubscribe(channel: string): Promise<void> {
    await this.#subscriber?.unsubscribe(channel).catch(ignore);
  }

  /** Closes the subscriber, and the client if it is ours; gives up politeness after `waitMs`. */
  async close(waitMs: number): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const connections = [this.#subscriber, this.#owned ? this.#client : undefined];
    await Promise.all(
      connections.map(async (connection) => {
        if (!connection?.isOpen) return;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const quit = connection.close().then(ignore, ignore);
        const late = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, waitMs);
        });
        await Promise.race([quit, late]);
        clearTimeout(timer);
        if (connection.isOpen) connection.destroy();
      }),
    );
  }

  /**
   * Waits for the first connection of a client we opened (the caller's deadline bounds the
   * wait); afterwards a client that is not ready (reconnecting) fails at once, so members go
   * standalone without waiting for a timeout.
   */
  async #whenReady(): Promise<void> {
    if (this.#closed) throw new Error('the coordinator was closed');
    const client = this.#client;
    if (client.isReady) return;
    if (this.#firstConnection) return this.#firstConnection;
    if (client.isOpen) throw new Error('the connection to Redis is down (reconnecting)');
    if (!this.#owned)
      throw new Error('the Redis client passed in is not connected (call its connect() first)');
    if (this.#connected) throw new Error('the connection to Redis was closed');
    this.#connected = true;
    this.#firstConnection = new Promise<void>((resolve) => {
      client.once('ready', () => {
        this.#firstConnection = undefined;
        resolve();
      });
    });
    client.connect().catch(ignore);
    return this.#firstConnection;
  }
}
