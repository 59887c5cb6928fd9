// A native modal <dialog> driven by React state: focus moves in, Escape closes it, the page behind is inert.
import { useEffect, useRef, useState } from 'react';

export function useModal() {
  const [shown, setShown] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d === null) return;
    if (shown && !d.open) d.showModal();
    else if (!shown && d.open) d.close();
  }, [shown]);
  return { ref, shown, setShown };
}
