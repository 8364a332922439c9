import { useId } from "react";
import { useStrings } from "../app/context.tsx";
import { community } from "./api.ts";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { useCommunityStrings, useFormat } from "./strings.ts";
import { useLoad } from "./useLoad.ts";

/** The parts the design is made of, as stored at submission, with a CSV download. */
export function BillOfMaterials({ designId }: { designId: string }) {
  const t = useCommunityStrings();
  const common = useStrings();
  const format = useFormat();
  const id = useId();
  const { state, reload } = useLoad(() => community.bill(designId), [designId]);
  return (
    <section className="panel bill" aria-labelledby={`${id}-title`}>
      <div className="panel__header">
        <h2 id={`${id}-title`}>{t.bill}</h2>
        <a className="button" href={community.billCsvUrl(designId)} download={`${designId}-bom.csv`}>
          {t.downloadCsv}
        </a>
      </div>
      {state.status === "loading" && <p className="muted">{common.loading}</p>}
      {state.status === "error" && <ErrorNotice error={state.error} onRetry={reload} />}
      {state.status === "ok" && (
        <div className="table-scroll">
          <table className="bill__table">
            <thead>
              <tr>
                <th scope="col">{t.part}</th>
                <th scope="col">{t.sku}</th>
                <th scope="col" className="numeric">
                  {t.quantity}
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.lines.map((line) => (
                <tr key={`${line.sku}-${line.label}`}>
                  <td>{line.label}</td>
                  <td>
                    <code>{line.sku}</code>
                  </td>
                  <td className="numeric">{format.number(line.quantity)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t.price}
                </th>
                <td className="numeric">{format.money(state.data.price, state.data.currency)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
