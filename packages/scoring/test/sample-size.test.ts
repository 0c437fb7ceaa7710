import { describe, expect, it } from 'vitest';
import { requiredSample, ScoringError } from '../src/index.js';

describe('the SKM sample size (Krejcie & Morgan, PermenPAN-RB 14/2017)', () => {
  it("reads the table's own rows", () => {
    expect(requiredSample(100)).toBe(80);
    expect(requiredSample(1000)).toBe(278);
    expect(requiredSample(10000)).toBe(370);
    expect(requiredSample(100000)).toBe(384);
  });

  it('asks the larger row for a population between rows, never more than the population', () => {
    expect(requiredSample(101)).toBe(86);
    expect(requiredSample(12)).toBe(12);
    expect(requiredSample(7)).toBe(7);
    expect(requiredSample(5_000_000)).toBe(384);
  });

  it('never asks fewer respondents of a larger population', () => {
    let previous = 0;
    for (let n = 1; n <= 120_000; n += n < 1000 ? 1 : 97) {
      const sample = requiredSample(n);
      expect(sample).toBeGreaterThanOrEqual(previous);
      previous = sample;
    }
  });

  it('refuses a population that is not a count of people', () => {
    for (const bad of [0, -5, 10.5]) {
      expect(() => requiredSample(bad)).toThrow(ScoringError);
    }
  });
});
