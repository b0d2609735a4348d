// Exam rules change: a profile says when it was last checked against the exam's own FAQ, and the
// app says so when that is more than about six months ago (the learner should look at the exam's
// page for changes; an admin should update the app or the profile). Pure: today is a parameter.
export const REVIEW_MAX_DAYS = 183;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** `today`: YYYY-MM-DD. A profile without a date is not called stale: it never claimed a review. */
export function reviewState(reviewed: string | undefined, today: string): { reviewed: string | null; reviewStale: boolean } {
  if (!reviewed || Number.isNaN(dayNumber(reviewed))) return { reviewed: null, reviewStale: false };
  return { reviewed, reviewStale: dayNumber(today) - dayNumber(reviewed) > REVIEW_MAX_DAYS };
}
