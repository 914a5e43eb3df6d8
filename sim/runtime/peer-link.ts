// The Bluetooth link between phone and watch: a peerSocket on each side (fitbit-os.md §3) and
// the companion's outbox delivering into the watch's inbox (§4).
import { encodeCbor, decodeCbor } from "../cbor";
import { Activity } from "./activity";
import { Emitter } from "./events";

export const MAX_MESSAGE_SIZE = 1027;

/** One entry of the `transfers` report. */
export interface TransferRecord {
  at: number;
  via: "file" | "message";
  bytes: number;
  delivered: number | null;
}

/** A `FileTransfer` as the outbox returns it. */
export class FileTransfer extends Emitter {
  readyState: "pending" | "transferring" | "transferred" | "canceled" | "error" = "pending";
  constructor(
    readonly name: string,
    readonly data: Buffer,
    readonly record: TransferRecord,
    private readonly onCancel: (t: FileTransfer) => void,
  ) {
    super();
  }
  cancel(): void {
    this.onCancel(this);
  }
}

/** The two peer sockets, the outbox queue and the watch's staged inbox. */
export class PeerLink {
  up = true;
  watchRunning = false;
  companionRunning = false;
  readonly transfers: TransferRecord[] = [];
  readonly staged: Array<{ name: string; data: Buffer }> = [];
  private queue: FileTransfer[] = [];
  private wasOpen = false;
  readonly watchSocket: Emitter;
  readonly companionSocket: Emitter;

  constructor(
    private readonly activity: Activity,
    private readonly now: () => number,
    private readonly onError: (side: string, error: unknown) => void,
    private readonly onFileArrived: () => void,
  ) {
    this.watchSocket = this.makeSocket("watch");
    this.companionSocket = this.makeSocket("companion");
  }

  isOpen(): boolean {
    return this.up && this.watchRunning && this.companionRunning;
  }

  /** Call after any change of link or run state: emits open/close and delivers queued files. */
  update(): void {
    const open = this.isOpen();
    if (open !== this.wasOpen) {
      this.wasOpen = open;
      const event = open ? {} : { code: 1006, reason: "CONNECTION_LOST", wasClean: false };
      for (const socket of [this.watchSocket, this.companionSocket]) {
        this.activity.later(() => socket.emit(open ? "open" : "close", event, (e) => this.onError("socket", e)));
      }
    }
    if (this.up) this.deliverFiles();
  }

  enqueue(name: unknown, data: unknown): FileTransfer {
    if (typeof name !== "string" || !/^[\w.-]{1,64}$/.test(name) || name.startsWith(".")) {
      throw new TypeError(`outbox: invalid file name ${JSON.stringify(name)}`);
    }
    const bytes = toBuffer(data);
    for (const old of this.queue.filter((t) => t.name === name)) this.cancelTransfer(old);
    const record: TransferRecord = { at: this.now(), via: "file", bytes: bytes.length, delivered: null };
    this.transfers.push(record);
    const transfer = new FileTransfer(name, bytes, record, (t) => this.cancelTransfer(t));
    this.queue.push(transfer);
    this.activity.later(() => this.update());
    return transfer;
  }

  private cancelTransfer(transfer: FileTransfer): void {
    if (transfer.readyState !== "pending" && transfer.readyState !== "transferring") return;
    this.queue = this.queue.filter((t) => t !== transfer);
    transfer.readyState = "canceled";
    transfer.emit("change", {}, (e) => this.onError("companion", e));
  }

  private deliverFiles(): void {
    const ready = this.queue;
    this.queue = [];
    for (const transfer of ready) {
      transfer.readyState = "transferred";
      transfer.record.delivered = this.now();
      this.staged.push({ name: transfer.name, data: transfer.data });
      transfer.emit("change", {}, (e) => this.onError("companion", e));
    }
    if (ready.length > 0) this.onFileArrived();
  }

  private makeSocket(side: "watch" | "companion"): Emitter {
    const socket = new Emitter();
    const link = this;
    Object.assign(socket, { OPEN: "OPEN", CLOSED: "CLOSED", MAX_MESSAGE_SIZE, bufferedAmount: 0 });
    Object.defineProperty(socket, "readyState", { get: () => (link.isOpen() ? "OPEN" : "CLOSED") });
    Object.defineProperty(socket, "send", {
      value(data: unknown): void {
        if (!link.isOpen()) throw new Error("peerSocket is not open");
        const encoded = encodeCbor(data);
        if (encoded.length > MAX_MESSAGE_SIZE)
          throw new Error(`message of ${encoded.length} bytes exceeds MAX_MESSAGE_SIZE`);
        const record: TransferRecord = { at: link.now(), via: "message", bytes: encoded.length, delivered: null };
        if (side === "companion") link.transfers.push(record);
        const target = side === "watch" ? link.companionSocket : link.watchSocket;
        link.activity.later(() => {
          if (!link.isOpen()) return; // lost with the link, as on the platform
          record.delivered = link.now();
          target.emit("message", { data: decodeCbor(encoded) }, (e) =>
            link.onError(side === "watch" ? "companion" : "watch", e),
          );
        });
      },
    });
    return socket;
  }
}

/** Copies ArrayBuffer / typed array / Buffer data as the outbox does at enqueue time. */
export function toBuffer(data: unknown): Buffer {
  if (data instanceof ArrayBuffer) return Buffer.from(new Uint8Array(data));
  if (ArrayBuffer.isView(data)) return Buffer.from(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  if (Object.prototype.toString.call(data) === "[object ArrayBuffer]")
    return Buffer.from(new Uint8Array(data as ArrayBuffer));
  throw new TypeError("outbox: data must be an ArrayBuffer or a typed array");
}
