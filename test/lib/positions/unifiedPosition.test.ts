import {describe, expect, it} from "vitest";
import {maskAccount} from "../../../lib/positions/unifiedPosition.js";

describe("maskAccount", () => {
  it("keeps the first character and the last three", () => {
    expect(maskAccount("U1234567")).toBe("U****567");
    expect(maskAccount("DU123456")).toBe("D****456");
    expect(maskAccount("5YZ55555")).toBe("5****555");
    expect(maskAccount("12345")).toBe("1*345");
  });
  it("hides short ids but their first character", () => {
    expect(maskAccount("1234")).toBe("1***");
    expect(maskAccount("7")).toBe("7");
    expect(maskAccount("")).toBe("");
  });
});
