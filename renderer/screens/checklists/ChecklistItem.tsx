// One checklist item: a real checkbox whose label is the statement, with why it matters, what
// "done" looks like and, for closed lists (approved translators), exactly what is allowed.
// Required or optional is said in words, not colour.
import { useTranslation } from 'react-i18next';
import type { ChecklistItem as Item } from '../../../shared/checklist/schema';
import { Local } from '../../components/Local';

interface Props {
  item: Item;
  checked: boolean;
  onChange: (done: boolean) => void;
}

export function ChecklistItem({ item, checked, onChange }: Props) {
  const { t } = useTranslation();
  const id = `cl-${item.id}`;
  return (
    <li className="cl-item" data-item={item.id} data-done={checked}>
      <div className="cl-check">
        <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-d`} />
        <label htmlFor={id}>
          <Local text={item.statement} note />{' '}
          <span className={`cl-tag ${item.required ? 'is-required' : 'is-optional'}`}>
            {t(item.required ? 'checklist:item.required' : 'checklist:item.optional')}
          </span>
        </label>
      </div>
      <div id={`${id}-d`} className="cl-detail">
        <p>
          <strong>{t('checklist:item.why')}:</strong> <Local text={item.why} note />
        </p>
        <p>
          <strong>{t('checklist:item.done')}:</strong> <Local text={item.done} note />
        </p>
        {item.allowed && (
          <div className="cl-allowed">
            <strong>{t('checklist:item.allowed')}</strong>
            <ul>
              {item.allowed.map((a, i) => (
                <li key={i}>
                  <Local text={a.name} />
                  {a.url && (
                    <>
                      {' '}
                      — <span className="cl-url">{a.url}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </li>
  );
}
