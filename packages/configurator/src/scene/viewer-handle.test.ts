import { describe, expect, it, vi } from "vitest";
import type { ViewerApi } from "./Viewer.tsx";
import { ViewerHandle } from "./viewer-handle.ts";

const api = (name: string): ViewerApi => ({
  snapshot: () => name,
  exportGltf: async () => new Blob(),
  setCamera: () => {},
});

describe("ViewerHandle", () => {
  it("answers at once when the view is there", async () => {
    const handle = new ViewerHandle();
    handle.attach(api("a"));
    expect((await handle.whenReady(0))?.snapshot()).toBe("a");
  });

  it("waits for a view that mounts later", async () => {
    const handle = new ViewerHandle();
    const ready = handle.whenReady(5_000);
    handle.attach(api("late"));
    expect((await ready)?.snapshot()).toBe("late");
    expect(handle.current?.snapshot()).toBe("late");
  });

  it("gives up after the timeout, and a later view does not resolve the old wait again", async () => {
    vi.useFakeTimers();
    try {
      const handle = new ViewerHandle();
      const ready = handle.whenReady(100);
      vi.advanceTimersByTime(100);
      expect(await ready).toBeNull();
      handle.attach(api("b"));
      expect((await handle.whenReady(100))?.snapshot()).toBe("b");
    } finally {
      vi.useRealTimers();
    }
  });
});
