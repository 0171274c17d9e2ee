import type { ObjectRecord } from '@gw/metadata';
import path from 'node:path';
import ts from 'typescript';
import * as errors from '../errors';
import { DeleteMarkerError } from './delete-marker-error';

const marker = { key: 'k', versionId: 'v1', isDeleteMarker: true } as unknown as ObjectRecord;

/**
 * The class as `tsc` builds it for dist (tsconfig.base.json: ES2022 class fields). Jest runs the
 * sources through SWC, which emitted a working constructor while tsc's build did not (it assigned
 * the parameter property before the conditional `super`, so every GET of a deleted key was a 500).
 */
function builtByTsc(): typeof DeleteMarkerError {
  const configPath = path.resolve(__dirname, '../../../../tsconfig.base.json');
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile);
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, path.dirname(configPath));
  const source = ts.sys.readFile(path.join(__dirname, 'delete-marker-error.ts')) ?? '';
  const { outputText } = ts.transpileModule(source, { compilerOptions: { ...options, paths: undefined, baseUrl: undefined } });
  const exports: Record<string, unknown> = {};
  const load = (name: string) => {
    if (name === '../errors') return errors;
    throw new Error(`unexpected import ${name}`);
  };
  new Function('exports', 'require', outputText)(exports, load);
  return exports.DeleteMarkerError as typeof DeleteMarkerError;
}

describe('DeleteMarkerError', () => {
  it.each([
    ['the latest version is a marker: NoSuchKey', false, 'NoSuchKey', { Key: 'k' }],
    ['the request named the marker: MethodNotAllowed', true, 'MethodNotAllowed', { ResourceType: 'DeleteMarker' }],
  ])('%s, keeping the marker (sources and the tsc build)', (_, named, code, details) => {
    for (const Built of [DeleteMarkerError, builtByTsc()]) {
      const error = new Built(marker, named);
      expect([error.code, error.details, error.marker]).toEqual([code, details, marker]);
      expect(error).toBeInstanceOf(errors.GatewayError);
    }
  });
});
