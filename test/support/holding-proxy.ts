import net from 'node:net';

/**
 * A TCP proxy to a PostgreSQL server that can hold back the server's answers (a statement then
 * seems to run for as long as it holds) and be cut, as a server that dies does: every connection
 * through it is dropped at once, and new ones are refused; or be silenced, as a server that hangs:
 * every connection is dropped and new ones are accepted but never answered.
 */
export class HoldingProxy {
  holding = false;
  private cut = false;
  private silent = false;
  private readonly sockets = new Set<net.Socket>();
  private readonly held: { socket: net.Socket; chunk: Buffer }[] = [];
  private readonly server = net.createServer((socket) => {
    socket.on('error', () => {});
    if (this.cut) return void socket.destroy();
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    if (this.silent) return;
    const upstream = net.connect(Number(this.target.port), this.target.hostname);
    this.sockets.add(upstream);
    upstream.on('error', () => socket.destroy());
    socket.on('close', () => upstream.destroy());
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      socket.destroy();
    });
    socket.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => (this.holding ? this.held.push({ socket, chunk }) : socket.write(chunk)));
  });

  constructor(private readonly target: URL) {}

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const url = new URL(this.target.toString());
    url.hostname = '127.0.0.1';
    url.port = String((this.server.address() as net.AddressInfo).port);
    return url.toString();
  }

  /** Drops every connection, with whatever answers were held, and refuses new ones. */
  cutAll(): void {
    this.cut = true;
    this.held.splice(0);
    for (const socket of this.sockets) socket.destroy();
  }

  /** Drops every connection and leaves new ones unanswered: connecting then times out. */
  silence(): void {
    this.silent = true;
    this.held.splice(0);
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
