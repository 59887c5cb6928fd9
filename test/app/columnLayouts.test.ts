// Saved column layouts: what is kept in localStorage and read back.
import { describe, expect, it } from 'vitest';
import { MAX_LAYOUTS, parseLayouts, withLayout } from '../../src/app/views/search/table/columnLayouts.ts';

describe('column layouts', () => {
  it('saves by name, newest first; the same name replaces', () => {
    let l = withLayout([], { name: 'triage', columns: ['ts', 'message'] });
    l = withLayout(l, { name: ' web ', columns: ['ts', 'web.request.rc', 'url.original'] });
    l = withLayout(l, { name: 'triage', columns: ['ts', 'init.host.ip'] });
    expect(l).toEqual([{ name: 'triage', columns: ['ts', 'init.host.ip'] }, { name: 'web', columns: ['ts', 'web.request.rc', 'url.original'] }]);
    expect(parseLayouts(JSON.stringify(l))).toEqual(l);
  });

  it('names are plain text: __proto__ is a layout like any other', () => {
    const l = withLayout([], { name: '__proto__', columns: ['ts'] });
    expect(parseLayouts(JSON.stringify(l))).toEqual([{ name: '__proto__', columns: ['ts'] }]);
  });

  it('keeps at most MAX_LAYOUTS', () => {
    let l = withLayout([], { name: 'l0', columns: ['ts'] });
    for (let i = 1; i < MAX_LAYOUTS + 5; i++) l = withLayout(l, { name: `l${i}`, columns: ['ts'] });
    expect(l).toHaveLength(MAX_LAYOUTS);
    expect(l[0].name).toBe(`l${MAX_LAYOUTS + 4}`);
  });

  it.each([null, '', 'not json', '{}', '[1, null, {"name": 3}, {"name": "x"}, {"name": "", "columns": ["ts"]}, {"name": "y", "columns": [5]}]'])('malformed storage %j gives no layout', (text) => {
    expect(parseLayouts(text)).toEqual([]);
  });

  it('keeps the good layouts of a partly damaged list', () => {
    expect(parseLayouts('[{"name": "ok", "columns": ["ts", 7, "message"]}, {"name": 1}]')).toEqual([{ name: 'ok', columns: ['ts', 'message'] }]);
  });
});
