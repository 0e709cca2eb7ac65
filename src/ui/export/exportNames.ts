/** Names for exported files and pictures: from the workspace title and the scenario on screen. */
import { exportFileName } from '../../io/tableExport';
import { useSlidecast } from '../../state/store';
import { activeScenarioOf } from '../../state/scenarioSelectors';

export interface ExportNames {
  workspaceTitle: string;
  scenarioName: string;
  /** "AI in Medical Imaging Diagnosis - Report consensus - total market.png" */
  fileName: (subject: string, extension: string) => string;
  /** "AI in Medical Imaging Diagnosis · Report consensus": the line under an exported chart's title. */
  subtitle: string;
}

export function useExportNames(): ExportNames {
  const workspaceTitle = useSlidecast((s) => s.workspace.title);
  const scenarioName = useSlidecast((s) => activeScenarioOf(s.workspace).name);
  return {
    workspaceTitle,
    scenarioName,
    fileName: (subject, extension) => exportFileName([workspaceTitle, scenarioName, subject], extension),
    subtitle: [workspaceTitle, scenarioName].filter((part) => part.trim() !== '').join(' · '),
  };
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';
