// Query parameters that authenticate a request by themselves (presigned S3 URLs, Swift temp
// URLs, STS session tokens). Anyone reading the log could replay them, so their values go.
const SECRET_PARAMETERS = new Set(['x-amz-signature', 'x-amz-credential', 'x-amz-security-token', 'signature', 'temp_url_sig']);

/** The URL as the client sent it, with the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const parameters = url
    .slice(query + 1)
    .split('&')
    .map((parameter) => {
      const equals = parameter.indexOf('=');
      if (equals < 0) return parameter;
      const name = parameter.slice(0, equals);
      return SECRET_PARAMETERS.has(decodeName(name).toLowerCase()) ? `${name}=REDACTED` : parameter;
    });
  return `${url.slice(0, query)}?${parameters.join('&')}`;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
