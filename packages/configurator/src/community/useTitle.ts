import { useEffect } from "react";

/** The browser tab's title for a page ("Gallery · Kitbash"); restored when the page goes. */
export function useTitle(title: string | null): void {
  useEffect(() => {
    if (title === null) return;
    const before = document.title;
    document.title = `${title} · Kitbash`;
    return () => {
      document.title = before;
    };
  }, [title]);
}
