/**
 * Drag and drop of a file onto an element (a source card, or the whole
 * window). Only drags that carry files are taken; the drop is handed over,
 * not imported, so the caller can ask before storing anything. A drop the
 * element took is marked (defaultPrevented) so an outer target leaves it alone.
 */
import { useEffect, useState } from 'react';

function carriesFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function useFileDrop(target: EventTarget | null, onFile: (file: File) => void, skip?: (e: DragEvent) => boolean): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (target === null) return;
    let depth = 0;
    const enter = (e: Event) => {
      const d = e as DragEvent;
      if (!carriesFiles(d) || d.defaultPrevented || skip?.(d)) return;
      depth++;
      setOver(true);
    };
    const overHandler = (e: Event) => {
      const d = e as DragEvent;
      if (!carriesFiles(d) || d.defaultPrevented || skip?.(d)) return;
      d.preventDefault(); // allows the drop
      if (d.dataTransfer) d.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: Event) => {
      const d = e as DragEvent;
      depth = 0;
      setOver(false);
      if (!carriesFiles(d) || d.defaultPrevented || skip?.(d)) return;
      d.preventDefault(); // never let the window navigate to the dropped file
      const file = d.dataTransfer?.files[0];
      if (file) onFile(file);
    };
    target.addEventListener('dragenter', enter);
    target.addEventListener('dragover', overHandler);
    target.addEventListener('dragleave', leave);
    target.addEventListener('drop', drop);
    return () => {
      target.removeEventListener('dragenter', enter);
      target.removeEventListener('dragover', overHandler);
      target.removeEventListener('dragleave', leave);
      target.removeEventListener('drop', drop);
    };
  }, [target, onFile, skip]);
  return over;
}
