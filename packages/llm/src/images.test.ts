import { describe, expect, it } from 'vitest';
import { describeImage, MAX_IMAGE_BYTES, mimeTypeFromUrl, parseImages } from './images';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==';

describe('parseImages', () => {
  it('reads URLs, data URLs and both object forms', () => {
    expect(
      parseImages([
        'https://example.com/a.png',
        `data:image/png;base64,${PNG}`,
        { url: 'https://example.com/b.jpg', alt: 'ignored' },
        { data: PNG, mimeType: 'image/jpg' },
      ]),
    ).toEqual({
      ok: true,
      images: [
        { url: 'https://example.com/a.png' },
        { data: PNG, mimeType: 'image/png' },
        { url: 'https://example.com/b.jpg' },
        { data: PNG, mimeType: 'image/jpeg' },
      ],
    });
  });

  it('takes one image as well as a list, and nothing as none', () => {
    expect(parseImages('https://example.com/a.webp')).toEqual({ ok: true, images: [{ url: 'https://example.com/a.webp' }] });
    expect(parseImages(undefined)).toEqual({ ok: true, images: [] });
    expect(parseImages('')).toEqual({ ok: true, images: [] });
    expect(parseImages([])).toEqual({ ok: true, images: [] });
  });

  it('drops whitespace inside wrapped base64', () => {
    const wrapped = `${PNG.slice(0, 40)}\n${PNG.slice(40)}`;
    expect(parseImages({ data: wrapped, mimeType: 'image/png' })).toEqual({ ok: true, images: [{ data: PNG, mimeType: 'image/png' }] });
  });

  it.each([
    [Array.from({ length: 11 }, () => 'https://example.com/a.png'), 'images.tooMany', '11 images were given; at most 10 can be sent.'],
    [
      'data:image/svg+xml;base64,PHN2Zz4=',
      'images.type',
      'Image 1 is of type "image/svg+xml"; only PNG, JPEG, GIF and WebP images can be sent.',
    ],
    [{ data: PNG }, 'images.noType', 'Image 1 has no mimeType: say which type it is (image/png, image/jpeg, image/gif or image/webp).'],
    [['https://example.com/a.png', 'data:image/png;base64,%%%'], 'images.base64', 'Image 2 is not valid base64 data.'],
    ['data:image/png,rawbytes', 'images.dataUrl', 'Image 1 is a data URL without base64 data (expected data:image/png;base64,…).'],
    ['a picture', 'images.notUrl', 'Image 1 is neither an https:// URL nor a data:image/…;base64 URL.'],
    ['http://example.com/a.png', 'images.https', 'Image 1 must be an https:// URL (the provider fetches it).'],
    [[42], 'images.shape', 'Image 1 is not an image: give a URL, a data URL, { url } or { data, mimeType }.'],
  ])('refuses %j with a clear message', (value, key, message) => {
    expect(parseImages(value)).toMatchObject({ ok: false, key, message });
  });

  it('refuses an inline image over 5 MB', () => {
    const big = 'A'.repeat(Math.ceil(((MAX_IMAGE_BYTES + 1024) * 4) / 3 / 4) * 4);
    expect(parseImages({ data: big, mimeType: 'image/png' })).toMatchObject({
      ok: false,
      key: 'images.tooLarge',
      params: { mb: '5', limit: '5' },
    });
  });
});

describe('describeImage / mimeTypeFromUrl', () => {
  it('records inline data as its type and decoded size, a URL as is', () => {
    expect(describeImage({ data: PNG, mimeType: 'image/png' })).toEqual({
      mimeType: 'image/png',
      bytes: Buffer.from(PNG, 'base64').length,
    });
    expect(describeImage({ url: 'https://x.test/a.png' })).toEqual({ url: 'https://x.test/a.png' });
  });

  it('guesses the type from the file name only', () => {
    expect(mimeTypeFromUrl('https://x.test/a.JPG?w=1')).toBe('image/jpeg');
    expect(mimeTypeFromUrl('https://x.test/photo')).toBeUndefined();
  });
});
