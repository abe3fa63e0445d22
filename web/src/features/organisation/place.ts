// A studio's place on one line. Addresses are often entered whole ("甘肃省兰州市城关区委员之家"),
// sometimes only as the street part; the division is written once either way.
export function placeLine(divisionName: string | null | undefined, address: string | null | undefined): string {
  const division = (divisionName ?? '').trim();
  const where = (address ?? '').trim();
  if (!division) return where;
  if (!where) return division;
  return where.startsWith(division) ? where : `${division} ${where}`;
}
