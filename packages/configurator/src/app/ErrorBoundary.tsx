import { Component, type ReactNode } from "react";

interface State {
  readonly error: Error | null;
}

/**
 * Keeps one failing page (a lazy chunk that did not load after a new release, a rendering bug) from
 * blanking the whole app: it says what happened and offers to reload.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; message: string; retry: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div role="alert" className="page-status">
        <p>{this.props.message}</p>
        <p className="control__note">{this.state.error.message}</p>
        <button type="button" onClick={() => location.reload()}>
          {this.props.retry}
        </button>
      </div>
    );
  }
}
