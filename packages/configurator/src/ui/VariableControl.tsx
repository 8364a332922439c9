import type { OptionDef } from "@kitbash/rules";
import { useId } from "react";
import { useApp, useConfigurator, useConfiguratorStore, useLocalize, useStrings } from "../app/context.tsx";
import { formatCount, formatMoney } from "../app/format.ts";
import type { VariableInfo } from "../engine/info.ts";
import type { VariableState } from "../engine/snapshot.ts";
import { optionIndex } from "../store/configurator.ts";

/** The right control for a variable: radios for choices, a checkbox for yes/no, a slider or chips for numbers, a field for text. */
export function VariableControl({ variable }: { variable: VariableInfo }) {
  const state = useConfigurator((s) => s.snapshot?.variables[variable.index]);
  const selected = useConfigurator((s) => s.selected === variable.id);
  const localize = useLocalize();
  const t = useStrings();
  if (state === undefined) return null;
  const label = localize(variable.label);
  return (
    <div
      className={`control${selected ? " control--selected" : ""}${state.applies ? "" : " control--inactive"}`}
      data-variable={variable.id}
    >
      {variable.kind === "boolean" ? (
        <BooleanControl variable={variable} state={state} label={label} />
      ) : variable.kind === "text" ? (
        <TextControl variable={variable} state={state} label={label} />
      ) : variable.kind === "integer" && variable.options.length > 12 ? (
        <SliderControl variable={variable} state={state} label={label} />
      ) : (
        <ChoiceControl variable={variable} state={state} label={label} />
      )}
      {!state.applies && <p className="control__note">{t.notApplicable}</p>}
    </div>
  );
}

function ChoiceControl({ variable, state, label }: { variable: VariableInfo; state: VariableState; label: string }) {
  const store = useConfiguratorStore();
  const localize = useLocalize();
  const t = useStrings();
  const id = useId();
  const language = useApp((s) => s.language);
  const currency = useConfigurator((s) => s.info.currency);
  const value = (i: number) => (variable.kind === "integer" ? variable.numbers![i]! : variable.options[i]!.id);
  // The choice shows at once from the design; the engine's answer (counts, blocked marks) follows.
  const chosenValue = useConfigurator((s) => s.design[variable.id]);
  const chosen = chosenValue === undefined ? state.chosen : optionIndex(variable, chosenValue);
  return (
    <fieldset className="choice">
      <legend>{label}</legend>
      {variable.description && <p className="control__help">{localize(variable.description)}</p>}
      <p id={`${id}-blocked`} hidden>
        {t.notPossible}
      </p>
      <div className={`choice__options${variable.options.length > 6 ? " choice__options--compact" : ""}`}>
        {variable.options.map((option, i) => {
          const blocked = !state.possible[i];
          return (
            <label
              key={option.id}
              className={`option${blocked ? " option--blocked" : ""}${state.value === i ? " option--current" : ""}`}
              // How many designs remain with this option: a tooltip, not text, because text that changes on
              // every click makes the browser repaint the whole panel.
              title={
                state.counts[i] !== undefined && !blocked
                  ? `${formatCount(state.counts[i]!, language)} ${t.designs}`
                  : undefined
              }
            >
              <input
                type="radio"
                name={variable.id}
                value={option.id}
                checked={(chosen ?? state.value) === i}
                aria-describedby={blocked ? `${id}-blocked` : undefined}
                onChange={() => store.getState().choose(variable.id, value(i))}
                onClick={() => {
                  // A default is checked without being chosen; clicking it makes it the customer's choice.
                  if (chosen === null && state.value === i) store.getState().choose(variable.id, value(i));
                }}
              />
              <Swatch option={option} />
              <span className="option__label">{localize(option.label)}</span>
              {option.price ? (
                <span className="option__price">+{formatMoney(option.price, currency, language)}</span>
              ) : null}
              {blocked && (
                <span className="option__lock" aria-hidden="true">
                  ⊘
                </span>
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function BooleanControl({ variable, state, label }: { variable: VariableInfo; state: VariableState; label: string }) {
  const store = useConfiguratorStore();
  const localize = useLocalize();
  const t = useStrings();
  const language = useApp((s) => s.language);
  const currency = useConfigurator((s) => s.info.currency);
  const chosenValue = useConfigurator((s) => s.design[variable.id]);
  const on = chosenValue === undefined ? state.value === 0 : chosenValue === true;
  const blocked = !state.possible[on ? 1 : 0];
  return (
    <label className={`toggle${blocked ? " option--blocked" : ""}`}>
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => store.getState().choose(variable.id, e.target.checked)}
        aria-describedby={undefined}
      />
      <span className="toggle__label">{label}</span>
      {variable.price ? (
        <span className="option__price">+{formatMoney(variable.price, currency, language)}</span>
      ) : null}
      {blocked && (
        <span className="option__lock" title={t.notPossible}>
          ⊘ <span className="visually-hidden">{t.notPossible}</span>
        </span>
      )}
      {variable.description && <span className="control__help">{localize(variable.description)}</span>}
    </label>
  );
}

function SliderControl({ variable, state, label }: { variable: VariableInfo; state: VariableState; label: string }) {
  const store = useConfiguratorStore();
  const numbers = variable.numbers ?? [];
  const chosenValue = useConfigurator((s) => s.design[variable.id]);
  const chosen = chosenValue === undefined ? null : optionIndex(variable, chosenValue);
  const index = chosen !== null && chosen >= 0 ? chosen : (state.chosen ?? state.value);
  const possible = numbers.filter((_, i) => state.possible[i]);
  const id = useId();
  return (
    <div className="slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={numbers[0]}
        max={numbers.at(-1)}
        step={(numbers[1] ?? 1) - (numbers[0] ?? 0) || 1}
        value={numbers[index]}
        aria-valuetext={`${numbers[index]} ${variable.unit ?? ""}`}
        onChange={(e) => store.getState().choose(variable.id, Number(e.target.value))}
      />
      <output htmlFor={id}>
        {numbers[index]} {variable.unit}
      </output>
      {possible.length < numbers.length && (
        <p className="control__note">
          {possible[0]}–{possible.at(-1)} {variable.unit}
        </p>
      )}
    </div>
  );
}

function TextControl({ variable, state, label }: { variable: VariableInfo; state: VariableState; label: string }) {
  const store = useConfiguratorStore();
  const value = useConfigurator((s) => s.design[variable.id]);
  const localize = useLocalize();
  const t = useStrings();
  const id = useId();
  const text = typeof value === "string" ? value : "";
  const spec = variable.text!;
  const invalid = spec.pattern !== null && text !== "" && !new RegExp(spec.pattern, "u").test(text);
  return (
    <div className="text-field">
      <label htmlFor={id}>
        {label} {!spec.required && <span className="control__note">({t.optional})</span>}
      </label>
      <input
        id={id}
        type="text"
        value={text}
        maxLength={spec.maxLength}
        placeholder={localize(spec.placeholder)}
        aria-invalid={invalid}
        disabled={!state.applies}
        onChange={(e) => store.getState().choose(variable.id, e.target.value)}
      />
      <span className="control__note">
        {[...text].length}/{spec.maxLength} {t.characters}
      </span>
    </div>
  );
}

/** A colour dot for options that carry a colour (any attribute holding #rrggbb). */
function Swatch({ option }: { option: OptionDef }) {
  const colour = Object.values(option.attributes ?? {}).find(
    (value) => typeof value === "string" && /^#[0-9a-fA-F]{3,8}$/.test(value),
  );
  if (typeof colour !== "string") return null;
  return <span className="swatch" style={{ background: colour }} aria-hidden="true" />;
}
