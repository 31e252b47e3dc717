import { describe, expect, it } from 'vitest';

import { SKILLS } from '#server/domain/skills';

import { SKILL_COLORS } from './demand-chart-rows';

/** sRGB hex to CIE L*a*b* (D65), to compare colours as eyes do. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const xyz = [
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    0.2126 * r + 0.7152 * g + 0.0722 * b,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  ].map((value) => (value > 0.008856 ? Math.cbrt(value) : 7.787 * value + 16 / 116));
  return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
}

/** Deuteranopia (the commonest deficiency), Viénot–Brettel–Mollon's simulation in linear RGB. */
function deuteranope(hex: string): string {
  const linear = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = linear;
  const simulated = [0.29275 * r + 0.70725 * g, 0.29275 * r + 0.70725 * g, -0.02234 * r + 0.02234 * g + b];
  return `#${simulated
    .map((value) => {
      const clamped = Math.min(1, Math.max(0, value));
      const srgb = clamped <= 0.0031308 ? 12.92 * clamped : 1.055 * clamped ** (1 / 2.4) - 0.055;
      return Math.round(srgb * 255)
        .toString(16)
        .padStart(2, '0');
    })
    .join('')}`;
}

const distance = (left: string, right: string) => {
  const [a, b] = [lab(left), lab(right)];
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
};

describe('skill colours of the demand chart', () => {
  it('gives every skill a colour that stays apart from the others, for normal and deuteranope eyes', () => {
    expect(Object.keys(SKILL_COLORS).sort()).toEqual([...SKILLS].sort());
    const colours = SKILLS.map((skill) => SKILL_COLORS[skill]);
    for (const [index, left] of colours.entries()) {
      for (const right of colours.slice(index + 1)) {
        expect(distance(left, right), `${left} and ${right}`).toBeGreaterThan(20);
        expect(distance(deuteranope(left), deuteranope(right)), `${left} and ${right} (deuteranopia)`).toBeGreaterThan(
          10,
        );
      }
    }
  });
});
