import { useId, useState } from "react";
import { ApiRequestError } from "../api/client.ts";
import { useApp } from "../app/context.tsx";
import { errorMessage, studioApi } from "./api.ts";
import { useStudioStrings } from "./strings.ts";

/** The Studio's door: paste a product-team key; it is checked with the API before it is kept. */
export function SignIn() {
  const t = useStudioStrings();
  const setTeamKey = useApp((s) => s.setTeamKey);
  const id = useId();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (key: string) => {
    setChecking(true);
    setError(null);
    try {
      await studioApi.verifyKey(key);
      setTeamKey(key);
    } catch (e) {
      const status = e instanceof ApiRequestError ? e.status : 0;
      setError(status === 401 ? t.keyUnknown : status === 403 ? t.keyForbidden : errorMessage(e));
      setChecking(false);
    }
  };

  return (
    <div className="studio-signin">
      <form
        className="studio-signin__card"
        aria-labelledby={`${id}-title`}
        onSubmit={(e) => {
          e.preventDefault();
          const key = String(new FormData(e.currentTarget).get("key") ?? "").trim();
          if (key) void submit(key);
        }}
      >
        <p className="studio-signin__eyebrow">Kitbash {t.title}</p>
        <h1 id={`${id}-title`}>{t.signInTitle}</h1>
        <p className="studio-signin__intro">{t.signInIntro}</p>
        <label htmlFor={`${id}-key`}>{t.keyLabel}</label>
        <input
          id={`${id}-key`}
          name="key"
          type="password"
          required
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
        />
        <p id={`${id}-hint`} className="studio-hint">
          {t.keyHint}
        </p>
        {error && (
          <p id={`${id}-error`} role="alert" className="studio-form-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={checking}>
          {checking ? t.signingIn : t.signIn}
        </button>
      </form>
    </div>
  );
}
