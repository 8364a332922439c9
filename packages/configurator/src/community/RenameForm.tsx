import { useId, useState } from "react";
import { community, type CreatorProfile } from "./api.ts";
import { useCommunityStrings } from "./strings.ts";

/** The creator's own display name, changed with their token. */
export function RenameForm({
  name,
  token,
  onRenamed,
}: {
  name: string;
  token: string;
  onRenamed: (profile: CreatorProfile) => void;
}) {
  const t = useCommunityStrings();
  const id = useId();
  const [value, setValue] = useState(name);
  const [status, setStatus] = useState<{ busy: boolean; message: string | null; error: string | null }>({
    busy: false,
    message: null,
    error: null,
  });
  const save = async () => {
    setStatus({ busy: true, message: null, error: null });
    try {
      onRenamed(await community.rename(value.trim(), token));
      setStatus({ busy: false, message: t.saved, error: null });
    } catch (e) {
      setStatus({ busy: false, message: null, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <form
      className="rename"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={`${id}-name`}>{t.yourName}</label>
      <div className="rename__row">
        <input
          id={`${id}-name`}
          value={value}
          maxLength={60}
          required
          onChange={(e) => setValue(e.target.value)}
          autoComplete="nickname"
        />
        <button type="submit" disabled={status.busy || value.trim() === "" || value.trim() === name}>
          {t.saveName}
        </button>
      </div>
      <p className="muted" aria-live="polite">
        {status.message}
      </p>
      {status.error && (
        <p role="alert" className="error">
          {status.error}
        </p>
      )}
    </form>
  );
}
