// SPDX-License-Identifier: Apache-2.0
import { expect, it } from "vitest";
import { csvCell, toCsv } from "../src/csv";

it("quotes only cells that need it (RFC 4180)", () => {
  expect(csvCell("YNN")).toBe("YNN");
  expect(csvCell('say "no"')).toBe('"say ""no"""');
  expect(csvCell("a,b")).toBe('"a,b"');
  expect(csvCell("two\nlines")).toBe('"two\nlines"');
  expect(csvCell(null)).toBe("");
  expect(csvCell(3.5)).toBe("3.5");
});

it("ends every row with CRLF", () => {
  expect(toCsv([["state", 1, 2], ["A.a", "Y", "N"]])).toBe("state,1,2\r\nA.a,Y,N\r\n");
});
