import { GatewayError } from '@gw/core';
import { childText, children, parseXml, renderXml } from './xml';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';

describe('renderXml', () => {
  it('renders a document in key order with the S3 namespace, compact', () => {
    const xml = renderXml('ListBucketResult', {
      Name: 'b',
      Prefix: '',
      KeyCount: 2,
      IsTruncated: false,
      Contents: [
        { Key: 'a', Size: 1 },
        { Key: 'b', Size: 2 },
      ],
      CommonPrefixes: [],
    });
    expect(xml).toBe(
      `${DECL}<ListBucketResult ${NS}><Name>b</Name><Prefix/><KeyCount>2</KeyCount><IsTruncated>false</IsTruncated>` +
        '<Contents><Key>a</Key><Size>1</Size></Contents><Contents><Key>b</Key><Size>2</Size></Contents></ListBucketResult>',
    );
  });

  it('renders `$$` children of different names in the order given', () => {
    expect(renderXml('R', { A: 1, $$: [{ V: { K: 'a' } }, { D: { K: 'b' } }, { V: { K: 'c' } }], B: 2 }, null)).toBe(
      `${DECL}<R><A>1</A><V><K>a</K></V><D><K>b</K></D><V><K>c</K></V><B>2</B></R>`,
    );
  });

  it('renders nested elements, text content (`_`) and no namespace when told', () => {
    expect(renderXml('LocationConstraint', { _: 'kr-central-2' })).toBe(`${DECL}<LocationConstraint ${NS}>kr-central-2</LocationConstraint>`);
    expect(renderXml('Error', { Code: 'NoSuchKey', Owner: { ID: 'u', DisplayName: 'n' } }, null)).toBe(
      `${DECL}<Error><Code>NoSuchKey</Code><Owner><ID>u</ID><DisplayName>n</DisplayName></Owner></Error>`,
    );
    expect(renderXml('DeleteResult', { Deleted: [], Error: [] })).toBe(`${DECL}<DeleteResult ${NS}/>`);
  });

  it('escapes markup characters', () => {
    expect(renderXml('R', { Key: `a&b<c>d"e'f` }, null)).toBe(`${DECL}<R><Key>a&amp;b&lt;c&gt;d"e'f</Key></R>`);
    expect(renderXml('R', { $: { a: 'x"&<y' } }, null)).toBe(`${DECL}<R a="x&quot;&amp;&lt;y"/>`);
  });

  it('keeps tab and newline, writes CR as a character reference (XML parsers would normalise it)', () => {
    expect(renderXml('R', { Key: 'a\tb\nc\rd' }, null)).toBe(`${DECL}<R><Key>a\tb\nc&#xD;d</Key></R>`);
  });

  it('writes characters XML 1.0 text cannot hold as character references (as S3 does), never throws', () => {
    expect(renderXml('R', { Key: 'a\u0000b\u0001c\u001f\u0008' }, null)).toBe(`${DECL}<R><Key>a&#x0;b&#x1;c&#x1F;&#x8;</Key></R>`);
    expect(renderXml('R', { Key: 'x\uFFFEy\uFFFF' }, null)).toBe(`${DECL}<R><Key>x&#xFFFE;y&#xFFFF;</Key></R>`);
    expect(renderXml('R', { Key: '😀é' }, null)).toBe(`${DECL}<R><Key>😀é</Key></R>`);
  });
});

describe('parseXml', () => {
  it('parses with namespaces stripped and every child as an array', async () => {
    const doc = await parseXml(Buffer.from('<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Object><Key>a</Key></Object><Quiet>true</Quiet></Delete>'));
    expect(childText(doc.Delete, 'Quiet')).toBe('true');
    expect(children(doc.Delete, 'Object').map((o) => childText(o, 'Key'))).toEqual(['a']);
  });

  it('an empty element reads as an empty string, a missing one as undefined', async () => {
    const doc = await parseXml(Buffer.from('<Delete><Object><Key></Key></Object><Object><Key/></Object></Delete>'));
    expect(children(doc.Delete, 'Object').map((o) => childText(o, 'Key'))).toEqual(['', '']);
    expect(childText(doc.Delete, 'Quiet')).toBeUndefined();
  });

  it.each(['', 'not xml', '<a><b></a>'])('refuses %j with MalformedXML', async (text) => {
    await expect(parseXml(Buffer.from(text))).rejects.toEqual(expect.objectContaining({ code: 'MalformedXML' }));
    await expect(parseXml(Buffer.from(text))).rejects.toBeInstanceOf(GatewayError);
  });
});
