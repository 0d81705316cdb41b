/** Write a forint amount the way the site does: "84 990 Ft" (digit groups of three, sign dropped). */
export function formatForint(amount: number, space = ' '): string {
  const digits = String(Math.abs(Math.round(amount)));
  return `${digits.replace(/\B(?=(\d{3})+(?!\d))/g, space)}${space}Ft`;
}
