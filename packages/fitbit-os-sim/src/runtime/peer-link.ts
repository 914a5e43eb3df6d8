// The Bluetooth link between phone and watch: a peerSocket on each side (docs/reference/fitbit-os.md §3) and
// the companion's outbox delivering into the watch's inbox (§4).
import { encodeCbor, decodeCbor } from "../cbor";
import { Activity } from "./activity";
import { Emitter } from "./events";

export const MAX_MESSAGE_SIZE = 1027;
/**
 * Bytes a socket may hold for a peer that is not reading before `send` fails with an asynchronous
 * `error` (BUFFER_FULL). The platform's figure is not documented; a few messages' worth here.
 */
export const SOCKET_BUFFER_BYTES = 2048;

/** One entry of the `transfers` report. */
export interface TransferRecord {
  at: number;
  /** "file": companion → watch; "watch-file": watch → companion; "message": companion → watch. */
  via: "file" | "watch-file" | "message";
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
  /** The watch side reads no messages (step "watchBusy"): they pile up in the sender's buffer. */
  watchBusy = false;
  private queue: FileTransfer[] = [];
  private toCompanion: Array<{ name: string; data: Buffer; record: TransferRecord }> = [];
  /** Messages buffered for a watch that is not reading, each delivered when it reads again. */
  private held: Array<() => void> = [];
  private wasOpen = false;
  readonly watchSocket: Emitter;
  readonly companionSocket: Emitter;

  constructor(
    private readonly activity: Activity,
    private readonly now: () => number,
    private readonly onError: (side: string, error: unknown) => void,
    private readonly onFileArrived: () => void,
    private readonly onWatchFile: (name: string, data: Buffer) => void = () => undefined,
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
      if (!open) {
        this.held = []; // what waited in a buffer is lost with the connection
        this.setBuffered(0);
      }
      const event = open ? {} : { code: 1006, reason: "CONNECTION_LOST", wasClean: false };
      for (const socket of [this.watchSocket, this.companionSocket]) {
        this.activity.later(() => socket.emit(open ? "open" : "close", event, (e) => this.onError("socket", e)));
      }
    }
    if (this.up) {
      this.deliverFiles();
      this.deliverWatchFiles();
    }
  }

  /** The watch's outbox: a file for the companion, delivered while the link is up, app or not. */
  enqueueFromWatch(name: string, data: Buffer): void {
    const record: TransferRecord = { at: this.now(), via: "watch-file", bytes: data.length, delivered: null };
    this.transfers.push(record);
    this.toCompanion = this.toCompanion.filter((f) => f.name !== name);
    this.toCompanion.push({ name, data, record });
    this.activity.later(() => this.update());
  }

  private deliverWatchFiles(): void {
    const ready = this.toCompanion;
    this.toCompanion = [];
    for (const file of ready) {
      file.record.delivered = this.now();
      this.onWatchFile(file.name, file.data);
    }
  }

  /** The companion socket's `bufferedAmount` (a plain field on the emulated socket). */
  private setBuffered(bytes: number): void {
    (this.companionSocket as unknown as { bufferedAmount: number }).bufferedAmount = bytes;
  }

  /** The watch reads its messages again: what its peer buffered arrives, and the buffer drains. */
  setWatchBusy(busy: boolean): void {
    this.watchBusy = busy;
    if (busy) return;
    const held = this.held;
    this.held = [];
    for (const deliver of held) deliver();
    this.setBuffered(0);
    if (held.length > 0)
      this.activity.later(() =>
        this.companionSocket.emit("bufferedamountdecrease", {}, (e) => this.onError("companion", e)),
      );
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
        const deliver = () => {
          if (!link.isOpen()) return; // lost with the link, as on the platform
          record.delivered = link.now();
          target.emit("message", { data: decodeCbor(encoded) }, (e) =>
            link.onError(side === "watch" ? "companion" : "watch", e),
          );
        };
        if (side === "companion" && link.watchBusy) {
          // A watch that is not reading: the bytes wait in this socket's buffer; past its size the
          // message is dropped and an asynchronous error says so.
          const self = socket as unknown as { bufferedAmount: number };
          if (self.bufferedAmount + encoded.length > SOCKET_BUFFER_BYTES) {
            link.activity.later(() =>
              socket.emit("error", { code: "BUFFER_FULL", message: "BUFFER_FULL" }, (e) => link.onError(side, e)),
            );
            return;
          }
          self.bufferedAmount += encoded.length;
          link.held.push(deliver);
          return;
        }
        link.activity.later(deliver);
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
