import { Component, type ReactNode } from "react";

interface Props {
  /** What to show instead of the 3D view, with the error's message and a way to try again. */
  readonly fallback: (message: string, retry: () => void) => ReactNode;
  readonly children: ReactNode;
}

/**
 * Keeps a failing 3D view (no WebGL, a chunk that did not load) from taking the whole page down: the
 * design's details stay readable and the view can be retried.
 */
export class ViewerBoundary extends Component<Props, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.error !== null) return this.props.fallback(this.state.error, () => this.setState({ error: null }));
    return this.props.children;
  }
}
