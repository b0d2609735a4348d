// Choosing one of the exams (profiles) by its title; `none` adds a first choice with the value ''.
import type { ProfileSummary } from '../../shared/scan';

interface Props {
  label: string;
  value: string;
  onChange: (id: string) => void;
  profiles: ProfileSummary[];
  none?: string;
}

export function ProfileSelect({ label, value, onChange, profiles, none }: Props) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {none !== undefined && <option value="">{none}</option>}
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
    </label>
  );
}
