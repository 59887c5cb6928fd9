// A view that throws while drawing (a chart library bug, odd data) shows what happened and how to go
// on, instead of blanking the whole workbench.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State { message?: string }

export class ViewErrorBoundary extends Component<{ what: string; children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(e: unknown): State {
    return { message: e instanceof Error ? e.message : String(e) };
  }

  override componentDidCatch(e: unknown, info: ErrorInfo): void {
    console.error(`The ${this.props.what} failed to draw`, e, info.componentStack);
  }

  override render() {
    if (this.state.message === undefined) return this.props.children;
    return (
      <p className="insight-state insight-state--error" role="alert">
        The {this.props.what} could not be drawn: {this.state.message}. Other views still work; reload the page to try again.
      </p>
    );
  }
}
