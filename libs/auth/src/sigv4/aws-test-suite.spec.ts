// The AWS Signature Version 4 test suite (aws-sig-v4-test-suite, published in the AWS General
// Reference and shipped with the AWS SDKs as suite.fixture): credentials AKIDEXAMPLE, service
// "service", 20150830T123600Z. The expected signatures, string-to-sign hashes and canonical
// requests below are the published ones. The normalize-path group (get-relative, get-slashes,
// ...) is left out on purpose: S3 never normalises paths (see canonical.spec.ts); get-space,
// which only encodes, is kept.
import { canonicalHeaders } from './canonical-headers';
import { canonicalQuery } from './canonical-query';
import { canonicalRequest, sha256Hex, stringToSign } from './canonical-request';
import { canonicalUri } from './canonical-uri';
import { signRequestHeaders } from './sign-request';
import { deriveSigningKey, signature } from './signing-key';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const AMZ_DATE = '20150830T123600Z';
const SCOPE = '20150830/us-east-1/service/aws4_request';
const HOST = ['Host', 'example.amazonaws.com'];
const DATE = ['X-Amz-Date', AMZ_DATE];
const TOKEN =
  'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/' +
  'qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';

interface Vector {
  name: string;
  method: string;
  path: string;
  query: string;
  /** As on the wire, repeated headers included. */
  rawHeaders: string[];
  signedHeaders: string[];
  body?: string;
  signature: string;
  /** sha256 of the canonical request: the last line of the published .sts file. */
  canonicalRequestHash?: string;
  /** The published .creq, when asserted. */
  creq?: string;
}

const vectors: Vector[] = [
  {
    name: 'get-vanilla',
    method: 'GET', path: '/', query: '', rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    canonicalRequestHash: 'bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63',
    creq: 'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  {
    name: 'get-vanilla-empty-query-key',
    method: 'GET', path: '/', query: 'Param1=value1', rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: 'a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb',
    canonicalRequestHash: '1e24db194ed7d0eec2de28d7369675a243488e08526e8c1c73571282f7c517ab',
  },
  {
    name: 'get-vanilla-query-order-key',
    method: 'GET', path: '/', query: 'Param1=value2&Param1=Value1', rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: 'eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1',
    canonicalRequestHash: '704b4cef673542d84cdff252633f065e8daeba5f168b77116f8b1bcaf3d38f89',
  },
  {
    name: 'get-vanilla-query-order-key-case',
    method: 'GET', path: '/', query: 'Param2=value2&Param1=value1', rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
    canonicalRequestHash: '816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0',
    creq: 'GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  {
    name: 'get-vanilla-query-order-value',
    method: 'GET', path: '/', query: 'Param1=value2&Param1=value1', rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: '5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694',
    canonicalRequestHash: 'c968629d70850097a2d8781c9bf7edcb988b04cac14cca9be4acc3595f884606',
  },
  {
    name: 'get-vanilla-query-unreserved',
    method: 'GET', path: '/',
    query: '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: '9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197',
    canonicalRequestHash: 'c30d4703d9f799439be92736156d47ccfb2d879ddf56f5befa6d1d6aab979177',
  },
  {
    name: 'get-vanilla-utf8-query',
    method: 'GET', path: '/', query: 'ሴ=bar', rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: '2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04',
    canonicalRequestHash: 'eb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073',
  },
  {
    name: 'get-unreserved',
    method: 'GET', path: '/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', query: '',
    rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: '07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f',
    canonicalRequestHash: '6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9',
  },
  {
    name: 'get-utf8',
    method: 'GET', path: '/ሴ', query: '', rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: '8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85',
    canonicalRequestHash: '2a0a97d02205e45ce2e994789806b19270cfbbb0921b278ccf58f5249ac42102',
    creq: 'GET\n/%E1%88%B4\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  {
    name: 'get-space',
    method: 'GET', path: '/example space/', query: '', rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: '652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741',
    canonicalRequestHash: '63ee75631ed7234ae61b5f736dfc7754cdccfedbff4b5128a915706ee9390d86',
  },
  {
    name: 'get-header-key-duplicate',
    method: 'GET', path: '/', query: '',
    rawHeaders: [...HOST, 'My-Header1', 'value2', 'My-Header1', 'value2', 'My-Header1', 'value1', ...DATE],
    signedHeaders: ['host', 'my-header1', 'x-amz-date'],
    signature: 'c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea',
    canonicalRequestHash: 'dc7f04a3abfde8d472b0ab1a418b741b7c67174dad1551b4117b15527fbe966c',
    creq: 'GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value2,value2,value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  {
    // The suite's obs-fold continuation lines; Node refuses obs-fold, so they arrive as repeats.
    name: 'get-header-value-multiline',
    method: 'GET', path: '/', query: '',
    rawHeaders: [...HOST, 'My-Header1', 'value1', 'My-Header1', '  value2', 'My-Header1', '     value3', ...DATE],
    signedHeaders: ['host', 'my-header1', 'x-amz-date'],
    signature: 'ba17b383a53190154eb5fa66a1b836cc297cc0a3d70a5d00705980573d8ff790',
    canonicalRequestHash: 'b7b6cbfd8a0430b78891e986784da2630c8a135a8595cec25b26ea94f926ee55',
  },
  {
    name: 'get-header-value-order',
    method: 'GET', path: '/', query: '',
    rawHeaders: [...HOST, 'My-Header1', 'value4', 'My-Header1', 'value1', 'My-Header1', 'value3', 'My-Header1', 'value2', ...DATE],
    signedHeaders: ['host', 'my-header1', 'x-amz-date'],
    signature: '08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01',
    canonicalRequestHash: '31ce73cd3f3d9f66977ad3dd957dc47af14df92fcd8509f59b349e9137c58b86',
  },
  {
    name: 'get-header-value-trim',
    method: 'GET', path: '/', query: '',
    rawHeaders: [...HOST, 'My-Header1', ' value1', 'My-Header2', ' "a   b   c"', ...DATE],
    signedHeaders: ['host', 'my-header1', 'my-header2', 'x-amz-date'],
    signature: 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736',
    canonicalRequestHash: 'a726db9b0df21c14f559d0a978e563112acb1b9e05476f0a6a1c7d68f28605c7',
    creq: 'GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:"a b c"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  {
    name: 'post-vanilla',
    method: 'POST', path: '/', query: '', rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
    canonicalRequestHash: '553f88c9e4d10fc9e109e2aeb65f030801b70c2f6468faca261d401ae622fc87',
  },
  {
    name: 'post-header-key-case',
    method: 'POST', path: '/', query: '', rawHeaders: ['HOST', 'example.amazonaws.com', 'X-AMZ-DATE', AMZ_DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
  },
  {
    name: 'post-header-key-sort',
    method: 'POST', path: '/', query: '', rawHeaders: [...HOST, 'My-Header1', 'value1', ...DATE], signedHeaders: ['host', 'my-header1', 'x-amz-date'],
    signature: 'c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c',
    canonicalRequestHash: '9368318c2967cf6de74404b30c65a91e8f6253e0a8659d6d5319f1a812f87d65',
  },
  {
    name: 'post-header-value-case',
    method: 'POST', path: '/', query: '', rawHeaders: [...HOST, 'My-Header1', 'VALUE1', ...DATE], signedHeaders: ['host', 'my-header1', 'x-amz-date'],
    signature: 'cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d',
    canonicalRequestHash: 'd51ced243e649e3de6ef63afbbdcbca03131a21a7103a1583706a64618606a93',
  },
  {
    name: 'post-vanilla-query',
    method: 'POST', path: '/', query: 'Param1=value1', rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: '28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11',
    canonicalRequestHash: '9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd',
  },
  {
    // The request line as published: raw reserved characters, a bare '%' and a raw '+'.
    name: 'post-vanilla-query-nonunreserved',
    method: 'POST', path: '/', query: '@#$%^&+=/,?><`";:\\|][{}', rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: '66c82657c86e26fb25238d0e69f011edc4c6df5ae71119d7cb98ed9b87393c1e',
  },
  {
    // `POST /?p aram1=val ue1 HTTP/1.1`: the query the server sees ends at the space.
    name: 'post-vanilla-query-space',
    method: 'POST', path: '/', query: 'p', rawHeaders: [...HOST, ...DATE], signedHeaders: ['host', 'x-amz-date'],
    signature: 'e71688addb58a26418614085fb730ba3faa623b461c17f48f2fbdb9361b94a9b',
  },
  {
    name: 'post-x-www-form-urlencoded',
    method: 'POST', path: '/', query: '',
    rawHeaders: ['Content-Type', 'application/x-www-form-urlencoded', ...HOST, ...DATE, 'Content-Length', '13'],
    signedHeaders: ['content-type', 'host', 'x-amz-date'], body: 'Param1=value1',
    signature: 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a',
    canonicalRequestHash: '42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281',
  },
  {
    name: 'post-x-www-form-urlencoded-parameters',
    method: 'POST', path: '/', query: '',
    rawHeaders: ['Content-Type', 'application/x-www-form-urlencoded; charset=utf8', ...HOST, ...DATE, 'Content-Length', '13'],
    signedHeaders: ['content-type', 'host', 'x-amz-date'], body: 'Param1=value1',
    signature: '1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe',
    canonicalRequestHash: '2e1cf7ed91881a30569e46552437e4156c823447bf1781b921b5d486c568dd1c',
  },
  {
    name: 'post-sts-header-before',
    method: 'POST', path: '/', query: '', rawHeaders: [...HOST, ...DATE, 'X-Amz-Security-Token', TOKEN],
    signedHeaders: ['host', 'x-amz-date', 'x-amz-security-token'],
    signature: '85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead',
    canonicalRequestHash: 'c237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6',
  },
  {
    // The token is sent but not signed: the signature is post-vanilla's.
    name: 'post-sts-header-after',
    method: 'POST', path: '/', query: '', rawHeaders: [...HOST, ...DATE, 'X-Amz-Security-Token', TOKEN], signedHeaders: ['host', 'x-amz-date'],
    signature: '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b',
  },
];

function canonicalOf(v: Vector): string {
  return canonicalRequest({
    method: v.method,
    canonicalUri: canonicalUri(v.path),
    canonicalQuery: canonicalQuery(v.query),
    canonicalHeaders: canonicalHeaders(v.signedHeaders, {}, v.rawHeaders),
    signedHeaders: v.signedHeaders,
    payloadHash: sha256Hex(v.body ?? ''),
  });
}

describe('AWS Signature Version 4 test suite', () => {
  const key = deriveSigningKey(SECRET, '20150830', 'us-east-1', 'service');

  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const canonical = canonicalOf(v);
    if (v.creq !== undefined) expect(canonical).toBe(v.creq);
    const toSign = stringToSign(AMZ_DATE, SCOPE, canonical);
    if (v.canonicalRequestHash !== undefined) {
      expect(toSign).toBe(`AWS4-HMAC-SHA256\n${AMZ_DATE}\n${SCOPE}\n${v.canonicalRequestHash}`);
    }
    expect(signature(key, toSign)).toBe(v.signature);
  });

  it('signRequestHeaders reproduces the published Authorization headers', () => {
    const sign = (url: string, headers: Record<string, string>, body = '') =>
      signRequestHeaders({
        method: 'POST', url, headers, payloadHash: sha256Hex(body), accessKeyId: 'AKIDEXAMPLE', secretKey: SECRET,
        region: 'us-east-1', service: 'service', now: new Date('2015-08-30T12:36:00Z'),
      }).authorization;
    expect(sign('https://example.amazonaws.com/?Param1=value1', {})).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, ' +
        'Signature=28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11',
    );
    expect(sign('https://example.amazonaws.com/', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'Param1=value1')).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, ' +
        'Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a',
    );
  });
});
