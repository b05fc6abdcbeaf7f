import { BuildCodeError } from './errors.js';

/** Sequential little-endian reads that fail with TRUNCATED naming the field that ran out. */
export class ByteReader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get position(): number {
    return this.offset;
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  u8(field: string): number {
    this.need(1, field);
    return this.view.getUint8(this.offset++);
  }

  u16(field: string): number {
    this.need(2, field);
    const value = this.view.getUint16(this.offset, true);
    this.offset += 2;
    return value;
  }

  u32(field: string): number {
    this.need(4, field);
    const value = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return value;
  }

  private need(size: number, field: string): void {
    if (this.remaining < size) {
      throw new BuildCodeError(
        'TRUNCATED',
        `The chat code ends at byte ${this.bytes.length}, inside the ${field} at byte ${this.offset}.`,
      );
    }
  }
}

const LIMITS = { u8: 0xff, u16: 0xffff, u32: 0xffffffff } as const;

/** Little-endian writes that refuse values their field cannot hold. */
export class ByteWriter {
  private readonly out: number[] = [];

  u8(value: number, field: string): this {
    this.check(value, 'u8', field);
    this.out.push(value);
    return this;
  }

  u16(value: number, field: string): this {
    this.check(value, 'u16', field);
    this.out.push(value & 0xff, value >>> 8);
    return this;
  }

  u32(value: number, field: string): this {
    this.check(value, 'u32', field);
    this.out.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24);
    return this;
  }

  zeros(count: number): this {
    for (let i = 0; i < count; i++) this.out.push(0);
    return this;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }

  private check(value: number, type: keyof typeof LIMITS, field: string): void {
    if (!Number.isInteger(value) || value < 0 || value > LIMITS[type]) {
      throw new BuildCodeError(
        'INVALID_TEMPLATE',
        `The ${field} must be an integer from 0 to ${LIMITS[type]} (${type}), not ${value}.`,
      );
    }
  }
}
