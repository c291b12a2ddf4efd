// The one way a duty's place is written: 区人民群众信访服务中心（克拉玛依市昆仑路585号）.
export interface Place {
  name: string;
  address: string;
}

export function placeText(place: Place): string {
  if (!place.address) return place.name;
  if (!place.name) return place.address;
  return `${place.name}（${place.address}）`;
}

/** The places a timetable's 接访 duties name, in order of first use (several when its slots are held at several). */
export function receptionPlaces(duties: ReadonlyArray<{ kind: string; place: string }>): string[] {
  return [...new Set(duties.filter((d) => d.kind === '接访' && d.place).map((d) => d.place))];
}
