/**
 * How a scenario stands against the claims, in one line: "6 met · 1 missed · 1 not checkable", or
 * "None yet" for a workspace without claims (never "0 met · 0 missed"). The headline, present mode
 * and the printed summary all say it here, each in its own type.
 */
import type { ClaimCounts as Counts } from '../engine/claimStatus';

/** What the counts are headed with, wherever they stand. */
export const CLAIMS_CAPTION = 'Sources’ claims';

/** The class of each part: the screen's colours by default; the printed summary has its own. */
export interface ClaimCountClasses {
  met: string;
  missed: string;
  notCheckable: string;
}

const SCREEN_CLASSES: ClaimCountClasses = { met: 'status-met', missed: 'status-missed', notCheckable: 'muted' };

export function ClaimCounts({
  counts,
  showNotCheckable = true,
  classes = SCREEN_CLASSES,
}: {
  counts: Counts;
  /** Present mode leaves the claims that cannot be checked out of its short header. */
  showNotCheckable?: boolean;
  classes?: ClaimCountClasses;
}) {
  const { met, missed, notCheckable } = counts;
  if (met + missed + notCheckable === 0) return <span className={classes.notCheckable}>None yet</span>;
  return (
    <>
      <span className={classes.met}>{met} met</span> · <span className={classes.missed}>{missed} missed</span>
      {showNotCheckable && notCheckable > 0 && (
        <span className={classes.notCheckable}>
          {/* Its own element: the printed summary puts the count on a line of its own, without it. */}
          <span className="claim-count-separator"> · </span>
          <span>{notCheckable} not checkable</span>
        </span>
      )}
    </>
  );
}
