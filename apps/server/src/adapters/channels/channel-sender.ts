/** The outbound half of a channel (the channel port, app/channels/channel-port.ts), implemented per provider. */

/** What a send came to: the provider's id for the message, or a failure, retryable or not. */
export type ChannelSendOutcome =
  | { ok: true; providerMessageId: string | null }
  | { ok: false; error: string; retryable: boolean; /** The provider asked to slow down (WhatsApp 130429, HTTP 429). */ throttled: boolean };

/** The outbound half of a channel: one request to the provider's send API. */
export interface ChannelSender {
  /** Sends one rendered request (its body as the provider takes it) to `path` under the provider's base URL. */
  send(path: string, request: Record<string, unknown>): Promise<ChannelSendOutcome>;
}
