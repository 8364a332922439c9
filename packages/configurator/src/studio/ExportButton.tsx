import { useState } from "react";
import { type ExportFormat, type ExportKind, errorMessage, studioApi } from "./api.ts";
import { useStudio } from "./context.ts";
import { useStudioStrings } from "./strings.ts";

/** Downloads one export of the pack and window (fetched with the key, saved as a file). */
export function ExportButton({ kind, format, label }: { kind: ExportKind; format: ExportFormat; label: string }) {
  const t = useStudioStrings();
  const { scope, teamKey } = useStudio();
  const [state, setState] = useState<{ busy: boolean; done: string | null; error: string | null }>({
    busy: false,
    done: null,
    error: null,
  });
  const download = async () => {
    setState({ busy: true, done: null, error: null });
    try {
      const file = await studioApi.download(kind, format, scope, teamKey);
      setState({ busy: false, done: t.downloaded(file), error: null });
    } catch (e) {
      setState({ busy: false, done: null, error: errorMessage(e) });
    }
  };
  return (
    <div className="studio-export">
      <button type="button" onClick={() => void download()} disabled={state.busy} aria-busy={state.busy}>
        <span className="studio-export__format">{format.toUpperCase()}</span>
        {state.busy ? t.downloading : label}
      </button>
      <p className="studio-export__status" role="status">
        {state.done}
      </p>
      {state.error && (
        <p role="alert" className="studio-form-error">
          {state.error}
        </p>
      )}
    </div>
  );
}
