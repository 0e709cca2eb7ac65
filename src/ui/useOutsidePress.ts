/**
 * A press anywhere outside an element while it is open: how a menu, a popover or a panel over the
 * screen closes (the export menus, the share link, the list of claims, the list of keys).
 */
import { useEffect, type RefObject } from 'react';

/** Calls `onOutside` on a pointer press outside `ref`'s element, while `active`. Keep `onOutside` the same function between renders. */
export function useOutsidePress(ref: RefObject<Element | null>, active: boolean, onOutside: () => void): void {
  useEffect(() => {
    if (!active) return;
    const onPointerDown = (event: PointerEvent) => {
      const element = ref.current;
      if (element && event.target instanceof Node && !element.contains(event.target)) onOutside();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [ref, active, onOutside]);
}
