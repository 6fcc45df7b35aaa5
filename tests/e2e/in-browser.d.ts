// The extension APIs as seen by code the E2E suite evaluates inside the browser (worker, extension pages).
declare global {
  const chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown> };
    storage: { session: { get(keys: string | null): Promise<Record<string, unknown>> } };
  };
}

export {};
