import type { BootstrapResult } from '@gw/auth';

/** What `npm start` prints: where to connect, and on first start the credentials, once. */
export function startBanner(options: { url: string; region: string; dataDir: string; embedded: boolean; boot?: BootstrapResult }): string {
  const { url, region, boot } = options;
  const lines = [
    '',
    `  Storage gateway listening on ${url}`,
    `  S3 endpoint:   ${url}   (region ${region}, path-style addressing)`,
    `  Metadata:      ${options.embedded ? `embedded PGlite in ${options.dataDir}/meta (single node)` : 'Postgres server (DATABASE_URL)'}`,
  ];
  if (boot) {
    lines.push(`  Account:       ${boot.account.name} (${boot.account.id})`, `  Admin user:    ${boot.user.name} (${boot.user.id})`);
    lines.push(`  Access key:    ${boot.accessKey}`);
    if (boot.secretKey) lines.push(`  Secret key:    ${boot.secretKey}`);
    if (boot.firstStart) {
      if (boot.password) lines.push(`  Password:      ${boot.password}`);
      if (boot.apiKey) lines.push(`  Console key:   ${boot.apiKey}   (X-API-Key)`);
      lines.push('', '  These secrets are shown only now: store them. `npm run admin -- help` manages users and keys.');
    } else if (!boot.secretKey) {
      lines.push('  Secret key:    (shown at first start; `npm run admin -- credential create ...` makes a new one)');
    }
    lines.push(
      '',
      '  Try it:',
      `    AWS_ACCESS_KEY_ID=${boot.accessKey} AWS_SECRET_ACCESS_KEY=<secret> \\`,
      `      aws --endpoint-url ${url} --region ${region} s3 ls`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
