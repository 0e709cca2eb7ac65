/** The export menu of the member table: the table as CSV, as on screen (every member, children too). */
import type { Forecast } from '../../engine/forecastTypes';
import { downloadText } from '../../io/download';
import { memberTableToCsv } from '../../io/tableExport';
import { ExportMenu } from './ExportMenu';
import { UTF8_BOM, useExportNames } from './exportNames';

export function TableExportMenu({ forecast, unit }: { forecast: Forecast; unit: string }) {
  const names = useExportNames();
  return (
    <ExportMenu
      label="Export member table"
      items={[
        {
          id: 'csv',
          label: 'CSV',
          run: () => {
            const fileName = names.fileName('members', 'csv');
            downloadText(fileName, UTF8_BOM + memberTableToCsv(forecast, unit), 'text/csv');
            return { ok: true, message: `Downloaded “${fileName}”.` };
          },
        },
      ]}
    />
  );
}
