// The width of a chart's box, kept current with a ResizeObserver (its first report comes right after
// layout, so mounting a chart forces no synchronous layout): the SVG charts draw in pixels (no viewBox
// stretching, so text keeps its size).
import { useEffect, useRef, useState } from 'react';

export function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}
