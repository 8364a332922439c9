import { type ReactNode, useId } from "react";
import { useStudioStrings } from "./strings.ts";

/**
 * A chart with its text alternatives: a title, a visible one-sentence summary, and the chart's data as a
 * table one click away.
 */
export function ChartFigure({
  title,
  meta,
  summary,
  table,
  className,
  level = 3,
  children,
}: {
  title: string;
  meta?: ReactNode;
  summary: string;
  table?: ReactNode;
  className?: string;
  /** The heading level of the title: 3 in a section, 4 in a block of a section. */
  level?: 3 | 4;
  children?: ReactNode;
}) {
  const t = useStudioStrings();
  const id = useId();
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <figure className={`studio-figure ${className ?? ""}`} aria-labelledby={`${id}-title`}>
      <figcaption className="studio-figure__caption">
        <Heading id={`${id}-title`} className="studio-figure__title">
          {title}
        </Heading>
        {meta && <p className="studio-figure__meta">{meta}</p>}
        <p className="studio-figure__summary">{summary}</p>
      </figcaption>
      {children && (
        <div className="studio-figure__chart" aria-hidden="true">
          {children}
        </div>
      )}
      {table && (
        <details className="studio-figure__table">
          <summary>{t.dataTable}</summary>
          {table}
        </details>
      )}
    </figure>
  );
}
