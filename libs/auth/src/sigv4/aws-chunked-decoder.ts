import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { GatewayError } from '@gw/core';
import { EMPTY_SHA256, MAX_CHUNK_LINE_BYTES, MAX_TRAILER_SECTION_BYTES } from './constants';
import { chunkSignature, trailerSignature, type ChunkSigningContext } from './chunk-signature';
import { timingSafeEqualHex } from './signing-key';

/** The three aws-chunked flavours, named after their x-amz-content-sha256 value. */
export type AwsChunkedMode =
  /** STREAMING-AWS4-HMAC-SHA256-PAYLOAD: signed chunks, no trailer. */
  | 'signed'
  /** STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER: signed chunks, trailers signed by x-amz-trailer-signature. */
  | 'signed-trailer'
  /** STREAMING-UNSIGNED-PAYLOAD-TRAILER: bare `size\r\n` chunks, unsigned trailers. */
  | 'unsigned-trailer';

export interface AwsChunkedDecoderOptions {
  mode: AwsChunkedMode;
  /** Required by the signed modes: the chain starts at the request's (seed) signature. */
  signing?: ChunkSigningContext & { seedSignature: string };
  /** Lowercase trailer names announced by x-amz-trailer; any other trailer is refused. */
  declaredTrailers?: readonly string[];
  /** x-amz-decoded-content-length, when sent: the payload must be exactly this long. */
  decodedContentLength?: number;
}

type State = 'chunk-header' | 'chunk-data' | 'chunk-cr' | 'chunk-lf' | 'trailer' | 'done';

const CR = 0x0d;
const LF = 0x0a;
const SIGNED_HEADER = /^([0-9a-fA-F]{1,16});chunk-signature=([0-9a-f]{64})$/;
// Unsigned chunks may carry HTTP chunk extensions; nothing in them is ours to check.
const UNSIGNED_HEADER = /^([0-9a-fA-F]{1,16})(?:;.*)?$/;

function malformed(message: string): GatewayError {
  return new GatewayError('InvalidRequest', `Malformed aws-chunked body: ${message}`);
}

/**
 * Decodes an aws-chunked request body (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html)
 * into its payload, verifying each chunk signature as the chunk ends. Framing never reaches the
 * output and nothing is buffered but one framing line (at most 4 KiB): payload bytes flow out
 * as they arrive, so a chunk's bytes are already downstream when its signature is checked. An
 * error therefore means "abort the upload", which stream.pipeline does for the consumer.
 */
export class AwsChunkedDecoder extends Transform {
  private readonly mode: AwsChunkedMode;
  private readonly signing?: ChunkSigningContext;
  private readonly declared: Set<string>;
  private readonly decodedContentLength?: number;
  private state: State = 'chunk-header';
  private readonly line = Buffer.allocUnsafe(MAX_CHUNK_LINE_BYTES);
  private lineLength = 0;
  private remaining = 0;
  private decoded = 0;
  private chunkHash: Hash | null = null;
  private announcedSignature = '';
  private previousSignature = '';
  private trailerSectionBytes = 0;
  private trailerSignatureSent?: string;
  private readonly received = new Map<string, string>();

  constructor(options: AwsChunkedDecoderOptions) {
    super();
    this.mode = options.mode;
    if (options.mode !== 'unsigned-trailer') {
      if (!options.signing) throw new TypeError(`aws-chunked mode ${options.mode} needs the signing context`);
      this.signing = options.signing;
      this.previousSignature = options.signing.seedSignature;
    }
    this.declared = new Set(options.mode === 'signed' ? [] : options.declaredTrailers ?? []);
    this.decodedContentLength = options.decodedContentLength;
  }

  /** Trailers received (lowercase names, x-amz-trailer-signature left out); complete once the stream ended. */
  get trailers(): Record<string, string> {
    return Object.fromEntries(this.received);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.consume(chunk);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.state !== 'done') {
      callback(new GatewayError('IncompleteBody', 'The aws-chunked request body ended before its final chunk.'));
      return;
    }
    callback();
  }

  private consume(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      switch (this.state) {
        case 'chunk-header':
        case 'trailer': {
          const end = this.readLine(chunk, pos);
          if (this.state === 'trailer') {
            this.trailerSectionBytes += end - pos;
            if (this.trailerSectionBytes > MAX_TRAILER_SECTION_BYTES) throw malformed('the trailer section is too long.');
          }
          pos = end;
          const text = this.completeLine();
          if (text === undefined) break;
          if (this.state === 'chunk-header') this.onChunkHeader(text);
          else this.onTrailerLine(text);
          break;
        }
        case 'chunk-data': {
          const n = Math.min(this.remaining, chunk.length - pos);
          const data = chunk.subarray(pos, pos + n);
          this.chunkHash?.update(data);
          this.push(data);
          this.decoded += n;
          this.remaining -= n;
          pos += n;
          if (this.remaining === 0) this.state = 'chunk-cr';
          break;
        }
        case 'chunk-cr':
          if (chunk[pos++] !== CR) throw malformed('chunk data is not followed by CRLF.');
          this.state = 'chunk-lf';
          break;
        case 'chunk-lf':
          if (chunk[pos++] !== LF) throw malformed('chunk data is not followed by CRLF.');
          if (this.chunkHash) this.verifyChunk(this.chunkHash.digest('hex'));
          this.chunkHash = null;
          this.state = 'chunk-header';
          break;
        case 'done':
          throw malformed('data follows the final chunk.');
      }
    }
  }

  /** Appends bytes up to and including the next LF (or the end of `chunk`) to the line; returns where it stopped. */
  private readLine(chunk: Buffer, pos: number): number {
    const lf = chunk.indexOf(LF, pos);
    const end = lf === -1 ? chunk.length : lf + 1;
    if (this.lineLength + (end - pos) > MAX_CHUNK_LINE_BYTES) throw malformed(`a line is longer than ${MAX_CHUNK_LINE_BYTES} bytes.`);
    chunk.copy(this.line, this.lineLength, pos, end);
    this.lineLength += end - pos;
    return end;
  }

  /** The line without its CRLF once it is complete, else undefined (more bytes needed). */
  private completeLine(): string | undefined {
    if (this.lineLength === 0 || this.line[this.lineLength - 1] !== LF) return undefined;
    if (this.lineLength < 2 || this.line[this.lineLength - 2] !== CR) throw malformed('a line does not end with CRLF.');
    const text = this.line.toString('latin1', 0, this.lineLength - 2);
    this.lineLength = 0;
    return text;
  }

  private onChunkHeader(text: string): void {
    const match = (this.mode === 'unsigned-trailer' ? UNSIGNED_HEADER : SIGNED_HEADER).exec(text);
    if (!match) throw malformed(`bad chunk header "${text.slice(0, 120)}".`);
    const size = parseInt(match[1], 16);
    if (!Number.isSafeInteger(size)) throw malformed('chunk size too large.');
    if (this.decodedContentLength !== undefined && this.decoded + size > this.decodedContentLength) {
      throw new GatewayError('IncompleteBody', 'The aws-chunked payload is longer than x-amz-decoded-content-length.');
    }
    this.announcedSignature = match[2] ?? '';
    if (size > 0) {
      this.remaining = size;
      this.chunkHash = this.signing ? createHash('sha256') : null;
      this.state = 'chunk-data';
      return;
    }
    // The empty chunk ends the payload; it is signed like the others, then the trailer section follows.
    if (this.signing) this.verifyChunk(EMPTY_SHA256);
    if (this.decodedContentLength !== undefined && this.decoded !== this.decodedContentLength) {
      throw new GatewayError('IncompleteBody', 'The aws-chunked payload is shorter than x-amz-decoded-content-length.');
    }
    this.state = 'trailer';
  }

  private verifyChunk(chunkSha256Hex: string): void {
    const expected = chunkSignature(this.signing as ChunkSigningContext, this.previousSignature, chunkSha256Hex);
    if (!timingSafeEqualHex(expected, this.announcedSignature)) {
      throw new GatewayError('SignatureDoesNotMatch', 'The chunk signature we calculated does not match the signature you provided.');
    }
    this.previousSignature = expected;
  }

  private onTrailerLine(text: string): void {
    if (text === '') {
      this.endTrailers();
      return;
    }
    if (this.mode === 'signed') throw malformed('trailers sent with STREAMING-AWS4-HMAC-SHA256-PAYLOAD.');
    const colon = text.indexOf(':');
    if (colon <= 0) throw malformed(`bad trailer line "${text.slice(0, 120)}".`);
    const name = text.slice(0, colon).trim().toLowerCase();
    const value = text.slice(colon + 1).trim();
    if (name === 'x-amz-trailer-signature') {
      if (this.mode !== 'signed-trailer') throw malformed('x-amz-trailer-signature sent with unsigned trailers.');
      if (this.trailerSignatureSent !== undefined) throw malformed('x-amz-trailer-signature sent twice.');
      this.trailerSignatureSent = value;
      return;
    }
    if (!this.declared.has(name)) throw malformed(`trailer ${name} is not announced by x-amz-trailer.`);
    if (this.received.has(name)) throw malformed(`trailer ${name} sent twice.`);
    this.received.set(name, value);
  }

  private endTrailers(): void {
    for (const name of this.declared) {
      if (!this.received.has(name)) throw malformed(`trailer ${name} announced by x-amz-trailer is missing.`);
    }
    if (this.mode === 'signed-trailer') {
      if (this.trailerSignatureSent === undefined) throw malformed('x-amz-trailer-signature is missing.');
      const expected = trailerSignature(this.signing as ChunkSigningContext, this.previousSignature, this.trailers);
      if (!timingSafeEqualHex(expected, this.trailerSignatureSent)) {
        throw new GatewayError('SignatureDoesNotMatch', 'The trailer signature we calculated does not match the signature you provided.');
      }
    }
    this.state = 'done';
  }
}
