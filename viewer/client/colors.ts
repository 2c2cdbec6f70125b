// Team colours: a warm red against a cool blue reads apart on green grass, in greyscale
// (different lightness) and for the common colour-vision deficiencies (red-green), unlike red v green.
export interface TeamColors {
  shirt: string;
  /** Goalkeeper: a darker shade of the same hue, so the team stays obvious and the keeper stands out. */
  keeper: string;
  number: string;
  /** Debug marks drawn in the team's hue when a policy gives no colour it can use. */
  accent: string;
}

export const TEAM_COLORS: [TeamColors, TeamColors] = [
  { shirt: '#e8412c', keeper: '#7a1308', number: '#ffffff', accent: '#ff8a70' },
  { shirt: '#8fd3ff', keeper: '#0b3d91', number: '#04233f', accent: '#7cc4ff' },
];

export const PITCH_COLORS = {
  grassA: '#2e7d32',
  grassB: '#2a7430',
  line: 'rgba(255,255,255,0.85)',
  surround: '#1f5a24',
  goal: 'rgba(255,255,255,0.95)',
  ball: '#ffffff',
  ballEdge: '#111111',
};
