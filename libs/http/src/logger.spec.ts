import { captureLogger } from './testing';

describe('createLogger', () => {
  it('writes JSON lines with an ISO time, the level name and the logger name', () => {
    const { logger, lines } = captureLogger('info');
    logger.info({ bucket: 'photos' }, 'created');
    logger.debug('below the level');
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toMatchObject({ level: 'info', name: 'test', bucket: 'photos', msg: 'created' });
    expect(new Date(lines()[0].time as string).toISOString()).toBe(lines()[0].time);
  });

  it('serializes errors with their stack under err', () => {
    const { logger, lines } = captureLogger();
    logger.error({ err: new TypeError('boom') }, 'failed');
    expect(lines()[0].err).toMatchObject({ type: 'TypeError', message: 'boom', stack: expect.stringContaining('TypeError: boom') });
  });
});
