// Notices between tabs about cases (BroadcastChannel): a tab started or finished writing a case, or deleted it.
// Reference: https://developer.mozilla.org/en-US/docs/Web/API/BroadcastChannel
// Example: post({ kind: 'written', caseId }) in the writing tab -> every other tab with the case open reloads it.
// A channel never delivers to itself, so a tab is not told of its own writes. Node has BroadcastChannel too
// (engines in one process, as in the tests, hear each other); where it is missing, notices are simply off.

export interface TabNotice {
  kind: 'writing' | 'written' | 'deleted';
  caseId: string;
}

const CHANNEL = 'logdrop-cases';

export class CaseNotices {
  private readonly channel: BroadcastChannel | undefined;

  constructor(onNotice: (n: TabNotice) => void) {
    if (typeof BroadcastChannel === 'undefined') return;
    this.channel = new BroadcastChannel(CHANNEL);
    this.channel.onmessage = (e: MessageEvent<unknown>) => {
      if (isNotice(e.data)) onNotice(e.data);
    };
    // Node: a listening channel must not keep the process (the CLI, a test run) alive
    (this.channel as { unref?: () => void }).unref?.();
  }

  post(n: TabNotice): void {
    this.channel?.postMessage(n);
  }

  close(): void {
    this.channel?.close();
  }
}

function isNotice(v: unknown): v is TabNotice {
  if (typeof v !== 'object' || v === null) return false;
  const n = v as Partial<TabNotice>;
  return (n.kind === 'writing' || n.kind === 'written' || n.kind === 'deleted') && typeof n.caseId === 'string';
}
