// A table's header row: every heading is a column header (scope="col"), so screen readers name
// the column of each cell.
import type { ReactNode } from 'react';

export function ColumnHeads({ labels }: { labels: ReactNode[] }) {
  return (
    <thead>
      <tr>
        {labels.map((l, i) => (
          <th scope="col" key={i}>
            {l}
          </th>
        ))}
      </tr>
    </thead>
  );
}
