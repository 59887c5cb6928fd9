// The width of a chart's box, kept current with a ResizeObserver (its first report comes right after
// layout, so mounting a chart forces no synchronous layout): the SVG charts draw in pixels (no viewBox
// stretching, so text keeps its size). The axis font size (--chart-font: larger in projector mode) is read
// in the same report, so labels are spaced for the type they are drawn in.
import { useEffect, useRef, useState } from 'react';

export function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  const [fontPx, setFontPx] = useState(12);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const ro = new ResizeObserver(() => {
      setWidth(el.clientWidth);
      setFontPx(parseFloat(getComputedStyle(el).getPropertyValue('--chart-font')) || 12);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width, fontPx];
}
