// The extension APIs as seen by code the E2E suite evaluates inside the browser (worker, extension pages).
declare global {
  const chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
    storage: {
      session: {
        get(keys: string | null): Promise<Record<string, unknown>>;
        onChanged: {
          addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void;
        };
      };
    };
  };
}

export {};
