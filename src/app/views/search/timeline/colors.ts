// Series colours that mean the same everywhere: outcome failure red, success green, unknown grey;
// other values from a palette readable on light and dark backgrounds.
const FIXED: Record<string, string> = {
  failure: '#d64545', success: '#2f9e5b', unknown: '#8a94a6', '(none)': '#b8c0cc', '(other)': '#7d6bb3', events: '#3b74e0',
};
const PALETTE = ['#3b74e0', '#e08a1e', '#1aa3a3', '#c04fb0', '#8aa61c', '#d65f5f', '#5f7fd6', '#b5852f', '#3fa36b', '#9466d6'];

export function seriesColor(name: string, index: number): string {
  return Object.hasOwn(FIXED, name) ? FIXED[name] : PALETTE[index % PALETTE.length];
}
