// Long lists render only the rows in view (app/hooks/useVirtualWindow.ts): a test finds a far row as a person
// does, by scrolling the list down a view at a time until the row is there.
import type { Locator } from '@playwright/test';

/** The list item holding `text`, scrolled into the rendered window; throws when the end of the list is reached without it. */
export async function scrolledToItem(list: Locator, text: string): Promise<Locator> {
  const item = list.getByRole('listitem').filter({ hasText: text });
  await list.evaluate((el) => { el.scrollTop = 0; });
  for (;;) {
    // two frames: the scroll event, then React's render of the new window
    await list.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    if ((await item.count()) > 0) return item;
    const moved = await list.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight;
      return el.scrollTop > before;
    });
    if (!moved) throw new Error(`no list item holding "${text}" down to the end of the list`);
  }
}
