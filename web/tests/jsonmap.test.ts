// SPDX-License-Identifier: Apache-2.0
import { describe, expect, it } from "vitest";
import { pathAtLine, toMappedJson } from "../src/jsonmap";

describe("toMappedJson", () => {
  const model = {
    parley: 1,
    parties: [{ id: "A", options: [{ id: "a", direction: "take_only" }], priorities: ["a", "not b"] }],
    infeasible: ["a and b"],
  };
  const mapped = toMappedJson(model);

  it("writes JSON that reads back as the same value", () => {
    expect(JSON.parse(mapped.text)).toEqual(model);
  });

  it("maps every line to the value written on it", () => {
    const lines = mapped.text.split("\n");
    const line = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(pathAtLine(mapped, line('"direction"'))).toBe("parties.0.options.0.direction");
    expect(pathAtLine(mapped, line('"not b"'))).toBe("parties.0.priorities.1");
    expect(pathAtLine(mapped, line('"a and b"'))).toBe("infeasible.0");
    expect(pathAtLine(mapped, 1)).toBe("");
  });

  it("answers null outside the text", () => {
    expect(pathAtLine(mapped, null)).toBeNull();
    expect(pathAtLine(mapped, 0)).toBeNull();
    expect(pathAtLine(mapped, mapped.paths.length + 1)).toBeNull();
  });

  it("keeps lists of numbers on one line", () => {
    const ranged = toMappedJson({ range: [0, 100] });
    expect(ranged.text).toContain('"range": [0,100]');
    expect(ranged.paths).toHaveLength(3);
  });
});
