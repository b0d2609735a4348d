// Types a calendar day into a DayField (renderer/components/DayField.tsx): the group named by its
// legend, then its Day, Month and Year fields, found by role and accessible name.
import type { Page } from '@playwright/test';

const LABELS = { en: ['Day', 'Month', 'Year'], es: ['Día', 'Mes', 'Año'], pt: ['Dia', 'Mês', 'Ano'] } as const;

export async function fillDay(page: Page, legend: string, day: string, lang: keyof typeof LABELS = 'en'): Promise<void> {
  const [y, m, d] = day.split('-');
  const group = page.getByRole('group', { name: legend, exact: true });
  const [dl, ml, yl] = LABELS[lang];
  await group.getByRole('textbox', { name: dl }).fill(String(Number(d)));
  await group.getByRole('combobox', { name: ml }).selectOption(String(Number(m)));
  await group.getByRole('textbox', { name: yl }).fill(y!);
}
