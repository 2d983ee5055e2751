// SPDX-License-Identifier: Apache-2.0
// One colour per party, distinguishable in print and for common colour-vision deficiencies (Okabe-Ito).
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

export function partyColour(parties: string[], party: string): string {
  const i = parties.indexOf(party);
  return COLOURS[(i < 0 ? 0 : i) % COLOURS.length];
}
