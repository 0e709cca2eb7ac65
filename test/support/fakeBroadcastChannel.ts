import type { ChannelLike } from '../../src/io/audienceChannel';

/** A same-browser bus: every channel of a name hears every other one's posts (never its own), cloned. */
export class FakeBus {
  readonly channels = new Set<FakeChannel>();
  readonly posted: unknown[] = [];
  create = (name: string): ChannelLike => new FakeChannel(this, name);
}

export class FakeChannel implements ChannelLike {
  private listeners = new Set<(event: MessageEvent) => void>();
  constructor(
    private bus: FakeBus,
    readonly name: string,
  ) {
    bus.channels.add(this);
  }
  postMessage(message: unknown): void {
    this.bus.posted.push(message);
    for (const other of this.bus.channels) if (other !== this && other.name === this.name) other.deliver(structuredClone(message));
  }
  deliver(data: unknown): void {
    for (const listener of this.listeners) listener({ data } as MessageEvent);
  }
  addEventListener(_: 'message', listener: (event: MessageEvent) => void): void {
    this.listeners.add(listener);
  }
  removeEventListener(_: 'message', listener: (event: MessageEvent) => void): void {
    this.listeners.delete(listener);
  }
  close(): void {
    this.bus.channels.delete(this);
  }
}

