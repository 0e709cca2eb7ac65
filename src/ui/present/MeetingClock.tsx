/**
 * Present mode's clock: the meeting's elapsed time since present mode opened, for the presenter's
 * eyes (the audience window has none).
 */
import { useEffect, useState } from 'react';

/** Elapsed time as a clock reads it: "4:05", "1:02:03". */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function MeetingClock() {
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="present-clock" data-testid="meeting-clock">
      <span className="present-caption">Meeting</span> <time>{formatElapsed(now - startedAt)}</time>
    </span>
  );
}
