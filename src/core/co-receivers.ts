// Co-receivers (陪同单位): the seed's leader receives "与相关分管领域单位的负责人一同". The office keeps a
// table in rota.json of units and the fields each answers for; a 接访 is accompanied by the units whose
// field the leader's 分管工作 names, in the table's order. An office may also write them in the
// timetable's 陪同单位 column by hand; a re-read timetable keeps what it says.

/** One row of rota.json's units: a unit and the fields of work it answers for. */
export interface Unit {
  name: string;
  fields: string[];
}

/** The units whose fields the portfolio names (民政、劳动保障 → 区民政局, 区人社局), in table order. */
export function coReceiversOf(portfolio: string, units: readonly Unit[]): string[] {
  return units.filter((u) => u.fields.some((f) => f !== '' && portfolio.includes(f))).map((u) => u.name);
}

/** How a 陪同单位 cell is written and read: names joined by 、. */
export const coReceiverText = (names: readonly string[]): string => names.join('、');
export const coReceiverList = (text: string): string[] =>
  text
    .split(/[、，,；;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Whether a timetable shows a 陪同单位 column: the round names units, or some duty carries co-receivers. */
export const showsCoReceivers = (duties: readonly { with?: string[] }[], config: { units?: readonly Unit[] }): boolean =>
  (config.units?.length ?? 0) > 0 || duties.some((d) => d.with !== undefined);
