// A colour per team for the season's plot, by its place in the season's team list.
const PALETTE = ['#e4572e', '#2e86ab', '#f3a712', '#6a994e', '#a23b72', '#3d5a80', '#ef8354', '#7e6b8f'];

export function teamColor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
