import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref } from '../../renderer/app/router';

describe('hash routes', () => {
  it('read what routeHref writes, Chinese included', () => {
    const r = parseRoute(routeHref('search', [], { q: '人才 担保', city: '青岛市' }));
    expect(r.section).toBe('search');
    expect(r.params.get('q')).toBe('人才 担保');
    expect(parseRoute(routeHref('reader', [12, '三-(三)'])).args).toEqual(['12', '三-(三)']);
  });

  it('never throw on a malformed address typed or pasted by hand', () => {
    for (const hash of ['#/%', '#/reader/%zz', '#/search?q=%E0%A4%A', '#/compare/%E0%A4%A/x', '#//', '#', '', '#/?&&==']) {
      expect(() => parseRoute(hash), hash).not.toThrow();
    }
    expect(parseRoute('#/reader/%zz').args).toEqual(['%zz']);
    expect(parseRoute('').section).toBe('library');
  });
});
