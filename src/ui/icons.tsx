/**
 * Small inline icons. Emoji would depend on the machine's fonts (a projector laptop or a locked-down
 * browser may show an empty box); these are the app's own, drawn in the current text colour.
 */
interface IconProps {
  size?: number;
}

function Svg({ size = 16, children }: IconProps & { children: React.ReactNode }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      {children}
    </svg>
  );
}

export function PinIcon({ size, filled = false }: IconProps & { filled?: boolean }) {
  return (
    <Svg size={size}>
      <path d="M6 2h4l-.5 4 2.5 2.5v1H4v-1L6.5 6z" fill={filled ? 'currentColor' : 'none'} />
      <path d="M8 9.5V14" />
    </Svg>
  );
}

export function LockIcon({ size, locked }: IconProps & { locked: boolean }) {
  return (
    <Svg size={size}>
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill={locked ? 'currentColor' : 'none'} />
      <path d={locked ? 'M5 7V5a3 3 0 0 1 6 0v2' : 'M5 7V5a3 3 0 0 1 5.8-1'} />
    </Svg>
  );
}
