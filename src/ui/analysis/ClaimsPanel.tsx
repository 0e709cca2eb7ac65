/**
 * Claims as targets (issue 11): the workspace's claims, each with its source, its condition, how
 * the scenario on screen stands against it (met, missed by how much, or not checkable and why)
 * and, once the scenario's simulation has finished, the odds that it is met. Claims are added,
 * edited and removed here; each change is one workspace edit (Ctrl+Z or Undo takes it back,
 * autosaved, in the saved file), checked by the file's own rule for a claim (`validateClaimFields`).
 *
 * Focus: a form opens with its first box focused; after a save the claim's Edit button has it;
 * after a removal, the next claim's (else the previous one's, else Add claim); Escape or Cancel
 * gives it back to the button that opened the form.
 */
import { Fragment, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ClaimStatus } from '../../engine/claimStatus';
import { addClaim, validateClaimFields, removeClaim, replaceClaim } from '../../model/claimEdits';
import type { LoadIssue } from '../../model/loadError';
import type { Claim, Model } from '../../model/types';
import { activeModelOf } from '../../state/scenarioSelectors';
import { useSlidecast } from '../../state/store';
import { claimActualText, claimCondition, claimGapText, claimName, claimStatusLabel, formatProbability } from '../claimOdds';
import { useScenarioResult } from '../forecast/useScenarioResult';
import { useScenarioSimulation } from '../forecast/useScenarioSimulation';
import { samplesBasisText } from '../simulationText';
import { blankDraft, draftFromClaim, fieldsFromDraft, type ClaimDraft } from './claimDraft';
import { ClaimForm } from './ClaimForm';

/** The form open: a new claim, or the claim `id` edited. */
type Editing = { kind: 'new' } | { kind: 'edit'; id: string };

/** What the status line says after an edit, and where Undo puts the focus (the claim it brings back, or Add claim). */
type Announcement = { text: string; undoFocus: string } | undefined;

const ADD_FOCUS = 'add-claim';
const editFocus = (id: string) => `edit:${id}`;


function StatusCell({ claim, status, unit }: { claim: Claim; status: ClaimStatus | undefined; unit: string }) {
  if (!status) return <span className="muted">checking…</span>;
  const actual = claimActualText(claim, status.actual, unit);
  const gap = claimGapText(claim, status, unit);
  const detail = status.status === 'notCheckable' ? status.reason : [gap, actual].filter(Boolean).join(', ');
  return (
    <>
      <span className={`an-status status-${status.status}`}>{claimStatusLabel(status.status)}</span>
      {detail && (
        <span className="an-status-detail muted">
          {/* A line of its own on screen; read as one sentence. */}
          <span className="visually-hidden"> — </span>
          {detail}
        </span>
      )}
    </>
  );
}

export function ClaimsPanel() {
  const claims = useSlidecast((s) => s.workspace.claims);
  const model = useSlidecast((s) => activeModelOf(s.workspace));
  const editWorkspace = useSlidecast((s) => s.editWorkspace);
  const undo = useSlidecast((s) => s.undo);
  const result = useScenarioResult();
  const simulated = useScenarioSimulation(result?.forecast);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [draft, setDraft] = useState<ClaimDraft | null>(null);
  const [issues, setIssues] = useState<LoadIssue[]>([]);
  const [announcement, setAnnouncement] = useState<Announcement>(undefined);
  const panel = useRef<HTMLElement>(null);
  const unit = model.unit;
  const layout = result?.forecast.layout;

  // Where the focus goes once the edit that set it is on screen (each one also changes the
  // panel's state or the claims, so a render follows).
  const pendingFocus = useRef<string | null>(null);
  const focusAfterRender = (key: string) => {
    pendingFocus.current = key;
  };
  useLayoutEffect(() => {
    const key = pendingFocus.current;
    if (key === null) return;
    // By comparison, not a selector: the key holds a claim's id, which may hold any character.
    const target = [...(panel.current?.querySelectorAll<HTMLElement>('[data-focus-key]') ?? [])].find((el) => el.dataset.focusKey === key);
    if (!target) return;
    pendingFocus.current = null;
    target.focus();
  });

  const statuses = useMemo(() => new Map((result?.claims ?? []).map((status) => [status.claimId, status])), [result]);
  const odds = useMemo(() => new Map((simulated?.summary.claims ?? []).map((c) => [c.claimId, c.probability])), [simulated]);
  const finished = simulated !== undefined && !simulated.running;

  function open(next: Editing, model: Model) {
    const claim = next.kind === 'edit' ? claims.find((c) => c.id === next.id) : undefined;
    setEditing(next);
    setDraft(claim ? draftFromClaim(claim, model) : blankDraft(model));
    setIssues([]);
    setAnnouncement(undefined);
  }

  function close(focus: string) {
    setEditing(null);
    setDraft(null);
    setIssues([]);
    focusAfterRender(focus);
  }

  function save() {
    if (!editing || !draft) return;
    const typed = fieldsFromDraft(draft, unit);
    const workspace = useSlidecast.getState().workspace;
    const checked = validateClaimFields(workspace, typed.fields, editing.kind === 'edit' ? editing.id : undefined);
    // A number that could not be read is said once, in its own words, not also as "missing".
    const refused = [...typed.issues, ...(checked.ok ? [] : checked.issues.filter((issue) => !typed.issues.some((t) => t.path === issue.path)))];
    if (refused.length > 0 || !checked.ok) {
      setIssues(refused);
      return;
    }
    const claim = checked.claim;
    let error: string | undefined;
    editWorkspace(`claims:${editing.kind}:${claim.id}`, (ws) => {
      error = editing.kind === 'edit' ? replaceClaim(ws, editing.id, claim) : addClaim(ws, claim);
    });
    if (error) {
      setIssues([{ path: '', message: error }]);
      return;
    }
    setAnnouncement({ text: `${editing.kind === 'edit' ? 'Saved' : 'Added'} “${claimName(claim, unit)}”.`, undoFocus: editing.kind === 'edit' ? editFocus(claim.id) : ADD_FOCUS });
    close(editFocus(claim.id));
  }

  function remove(claim: Claim) {
    const index = claims.findIndex((c) => c.id === claim.id);
    const neighbour = claims[index + 1] ?? claims[index - 1];
    editWorkspace(`claims:remove:${claim.id}`, (ws) => removeClaim(ws, claim.id));
    if (editing?.kind === 'edit' && editing.id === claim.id) {
      setEditing(null);
      setDraft(null);
    }
    setAnnouncement({ text: `Removed “${claimName(claim, unit)}”.`, undoFocus: editFocus(claim.id) });
    focusAfterRender(neighbour ? editFocus(neighbour.id) : ADD_FOCUS);
  }

  const form = (title: string, saveLabel: string, focusBack: string) =>
    draft && (
      <ClaimForm
        title={title}
        draft={draft}
        onChange={setDraft}
        issues={issues}
        model={model}
        onSave={save}
        onCancel={() => close(focusBack)}
        saveLabel={saveLabel}
      />
    );

  return (
    <section className="an-section an-claims" aria-labelledby="an-claims-title" ref={panel}>
      <header className="an-section-head">
        <h3 id="an-claims-title">Claims as targets</h3>
        <p className="muted an-hint">
          The sources’ statements, checked against the scenario on screen. They belong to the workspace: every scenario is measured against the same
          claims, and size claims on the total are marked on the Model view’s chart.
        </p>
      </header>
      {claims.length === 0 ? (
        <p className="muted">No claims yet. Add one: a size, a CAGR or a share the sources state.</p>
      ) : (
        <div className="an-table-wrap">
          <table className="an-claims-table" aria-label="Claims">
            <thead>
              <tr>
                <th scope="col">Claim and source</th>
                <th scope="col">Condition</th>
                <th scope="col">In this scenario</th>
                <th scope="col">
                  Probability
                  {simulated?.running && <span className="muted an-basis"> ({samplesBasisText(simulated.summary.samples, true)})</span>}
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {claims.map((claim) => {
                const name = claimName(claim, unit);
                const status = statuses.get(claim.id);
                const probability = odds.get(claim.id);
                const editingThis = editing?.kind === 'edit' && editing.id === claim.id;
                return (
                  <Fragment key={claim.id}>
                    <tr data-claim-id={claim.id} className={`an-claim claim-${status?.status ?? 'pending'}`}>
                      <td className="an-claim-text">
                        <span className="an-label">{claim.label.trim() === '' ? <span className="muted">(no label)</span> : claim.label}</span>
                        {claim.source.trim() !== '' && <span className="an-source muted">{claim.source}</span>}
                      </td>
                      <td className="an-condition">{claimCondition(claim, unit, layout)}</td>
                      <td className="an-claim-status">
                        <StatusCell claim={claim} status={status} unit={unit} />
                      </td>
                      <td className="an-probability">
                        {finished && probability !== undefined ? formatProbability(probability) : <span className="muted">{simulated ? 'simulating…' : '—'}</span>}
                      </td>
                      <td className="an-actions">
                        <button type="button" data-focus-key={editFocus(claim.id)} aria-label={`Edit claim ${name}`} aria-expanded={editingThis} onClick={() => open({ kind: 'edit', id: claim.id }, model)}>
                          Edit
                        </button>
                        <button type="button" className="an-danger" aria-label={`Remove claim ${name}`} onClick={() => remove(claim)}>
                          Remove
                        </button>
                      </td>
                    </tr>
                    {editingThis && (
                      <tr className="an-edit-row">
                        <td colSpan={5}>{form(`Edit claim “${name}”`, 'Save claim', editFocus(claim.id))}</td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="an-status-line" role="status">
        {announcement && (
          <>
            <span>{announcement.text}</span>
            <button
              type="button"
              onClick={() => {
                undo();
                setAnnouncement(undefined);
                focusAfterRender(announcement.undoFocus);
              }}
            >
              Undo
            </button>
          </>
        )}
      </div>
      {editing?.kind === 'new' ? (
        form('New claim', 'Add claim', ADD_FOCUS)
      ) : (
        <div>
          <button type="button" className="an-primary" data-focus-key={ADD_FOCUS} onClick={() => open({ kind: 'new' }, model)}>
            Add claim
          </button>
        </div>
      )}
    </section>
  );
}
