import { type KeyboardEvent, useRef } from "react";

/**
 * The Studio's sections as tabs: one tab stop, arrow keys (and Home/End) move between them and open the
 * one they land on. Vertical beside the content on a laptop, a scrolling row on a narrow screen.
 */
export function StudioTabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  idOf,
  panelId,
}: {
  label: string;
  tabs: readonly { id: T; label: string }[];
  selected: T;
  onSelect: (id: T) => void;
  idOf: (id: T) => string;
  panelId: string;
}) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const next =
      event.key === "ArrowDown" || event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowUp" || event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[next]!;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(idOf(tab.id))}`)?.focus();
  };
  return (
    <div ref={list} role="tablist" aria-label={label} aria-orientation="vertical" className="studio-tabs">
      {tabs.map((tab, index) => {
        const active = tab.id === selected;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={idOf(tab.id)}
            aria-selected={active}
            aria-controls={active ? panelId : undefined}
            tabIndex={active ? 0 : -1}
            className="studio-tabs__tab"
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
