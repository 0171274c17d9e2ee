import { contentDisposition } from './content-disposition';

describe('contentDisposition (temp URL downloads)', () => {
  it.each([
    [{ filename: 'a.txt', inline: false, objectName: 'dir/o' }, `attachment; filename="a.txt"; filename*=UTF-8''a.txt`],
    [{ filename: 'naïve (1).txt', inline: false, objectName: 'o' }, `attachment; filename="na_ve (1).txt"; filename*=UTF-8''na%C3%AFve%20%281%29.txt`],
    [{ filename: 'q"uo\\te', inline: false, objectName: 'o' }, `attachment; filename="q\\"uo\\\\te"; filename*=UTF-8''q%22uo%5Cte`],
    [{ filename: "it's*", inline: false, objectName: 'o' }, `attachment; filename="it's*"; filename*=UTF-8''it%27s%2A`],
    [{ filename: 'line\nbreak', inline: false, objectName: 'o' }, `attachment; filename="line_break"; filename*=UTF-8''line%0Abreak`],
    [{ inline: true, objectName: 'o' }, 'inline'],
    [{ filename: 'a.txt', inline: true, objectName: 'o' }, `inline; filename="a.txt"; filename*=UTF-8''a.txt`],
    [{ inline: false, stored: 'attachment; filename="stored.bin"', objectName: 'o' }, 'attachment; filename="stored.bin"'],
    [{ inline: false, objectName: 'photos/2026/cat.jpg' }, `attachment; filename="cat.jpg"; filename*=UTF-8''cat.jpg`],
    [{ inline: false, objectName: 'folder/' }, `attachment; filename="folder"; filename*=UTF-8''folder`],
  ])('%j -> %s', (input, expected) => expect(contentDisposition(input)).toBe(expected));
});
