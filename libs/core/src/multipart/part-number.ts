import { GatewayError } from '../errors';

/** S3's part numbers: 1 to 10,000. */
export const MAX_PART_NUMBER = 10_000;

/** Every part but the last must hold at least 5 MiB (S3's minimum part size). */
export const MIN_PART_SIZE = 5 * 1024 * 1024;

export function assertPartNumber(partNumber: number): void {
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > MAX_PART_NUMBER) throw invalidPartNumber(String(partNumber));
}

/** A part number as a dialect received it (query parameter, header): decimal digits only. */
export function parsePartNumber(raw: string): number {
  const partNumber = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(partNumber)) throw invalidPartNumber(raw);
  assertPartNumber(partNumber);
  return partNumber;
}

function invalidPartNumber(value: string): GatewayError {
  return new GatewayError('InvalidArgument', `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`, {
    ArgumentName: 'partNumber',
    ArgumentValue: value,
  });
}
