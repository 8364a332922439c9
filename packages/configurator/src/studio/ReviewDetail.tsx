import { useEffect, useId, useRef, useState } from "react";
import { Link } from "wouter";
import type { DesignRecord } from "../api/client.ts";
import { errorMessage, studioApi } from "./api.ts";
import { DecisionHistory } from "./DecisionHistory.tsx";
import { useStudioFormat } from "./format.ts";
import { Loadable } from "./Loadable.tsx";
import { StatusPill } from "./StatusPill.tsx";
import { useStudioStrings } from "./strings.ts";
import { TransitionForm } from "./TransitionForm.tsx";
import { useLoad } from "./useLoad.ts";

/** One design of the queue: what its creator said, its history, and the decision form. */
export function ReviewDetail({
  design,
  teamKey,
  focus,
  onChanged,
}: {
  design: DesignRecord;
  teamKey: string;
  /** Moves focus to the heading when it opens (the reviewer opened it from the list). */
  focus: boolean;
  onChanged: (design: DesignRecord) => void;
}) {
  const t = useStudioStrings();
  const f = useStudioFormat();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const history = useLoad(`history ${design.id} ${design.status} ${design.updatedAt}`, () =>
    studioApi.history(design.id, teamKey),
  );
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);

  const reload = () => {
    setReloadError(null);
    studioApi.design(design.id, teamKey).then(onChanged, setReloadError);
  };

  return (
    <article className="studio-detail" aria-labelledby={`${id}-title`}>
      <div className="studio-detail__top">
        {design.thumbnail ? (
          <img className="studio-detail__thumb" src={design.thumbnail} alt="" />
        ) : (
          <div className="studio-detail__thumb studio-detail__thumb--none">{t.noPicture}</div>
        )}
        <div className="studio-detail__head">
          <StatusPill status={design.status} />
          <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
            {design.title}
          </h3>
          <p className="studio-detail__meta">
            {t.by} <Link href={`/creators/${design.creator.id}`}>{design.creator.name}</Link> ·{" "}
            {f.money(design.price, design.currency)} · {t.fit} {design.fit}/10
          </p>
          <p className="studio-detail__meta">
            {t.waiting} <time dateTime={design.createdAt}>{f.dateTime(design.createdAt)}</time>
          </p>
          <Link href={`/designs/${design.id}`} className="studio-detail__open">
            {t.openDesignPage}
          </Link>
        </div>
      </div>
      <dl className="studio-detail__words">
        <div>
          <dt>{t.story}</dt>
          <dd>{design.story}</dd>
        </div>
        {design.wish && (
          <div>
            <dt>{t.wish}</dt>
            <dd>{design.wish}</dd>
          </div>
        )}
        {design.toTen && (
          <div>
            <dt>{t.toTen}</dt>
            <dd>{design.toTen}</dd>
          </div>
        )}
      </dl>
      <TransitionForm design={design} teamKey={teamKey} onMoved={onChanged} onStale={reload} />
      {reloadError !== null && (
        <p role="alert" className="studio-form-error">
          {errorMessage(reloadError)}
        </p>
      )}
      <div className="studio-detail__history">
        <h4>{t.history}</h4>
        <Loadable state={history} skeleton="line">
          {(data) => <DecisionHistory history={data.history} />}
        </Loadable>
      </div>
    </article>
  );
}
