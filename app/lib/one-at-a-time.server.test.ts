import { describe, expect, it } from "vitest";
import { keysInUse, oneAtATime } from "./one-at-a-time.server";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("oneAtATime", () => {
  it("runs tasks with one key one after another, in the order given, and forgets the key afterwards", async () => {
    const events: string[] = [];
    let running = 0;
    const task = (name: string) => async () => {
      running++;
      expect(running).toBe(1);
      events.push(`start ${name}`);
      await tick();
      events.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all(["a", "b", "c"].map((name) => oneAtATime("round-1", task(name))));
    expect(results).toEqual(["a", "b", "c"]);
    expect(events).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
    await tick();
    expect(keysInUse()).toBe(0);
  });

  it("does not hold up other keys", async () => {
    const events: string[] = [];
    const slow = oneAtATime("round-1", async () => {
      await tick();
      await tick();
      events.push("slow");
    });
    const other = oneAtATime("round-2", async () => {
      events.push("other");
    });
    await Promise.all([slow, other]);
    expect(events).toEqual(["other", "slow"]);
  });

  it("passes a failure to its own caller only; the next task still runs", async () => {
    const failing = oneAtATime("round-1", async () => {
      await tick();
      throw new Error("rolled back");
    });
    const next = oneAtATime("round-1", async () => "ran");
    await expect(failing).rejects.toThrow("rolled back");
    await expect(next).resolves.toBe("ran");
  });
});
