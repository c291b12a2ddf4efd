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
