import { HumanMessage, SystemMessage } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import { abortable } from "./deadline.js";
import type { PromptMessages } from "./messages.js";
import { MAX_MODEL_OUTPUT_CHARS } from "./output.js";

export type ChatModelOptions = {
  /** An OpenAI-compatible endpoint (Ollama, vLLM, LiteLLM, Azure proxy…); OpenAI when absent. */
  baseUrl?: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  /** 0 by default: grounded answers, not creative ones. */
  temperature?: number;
  maxTokens?: number;
};

/**
 * A Chat Completions client. Retries are ours (maxRetries 0), so backoff,
 * Retry-After and the circuit breaker see every failure. streamUsage is off:
 * some compatible servers reject `stream_options`. invoke() sends a plain
 * request, stream() an SSE one.
 */
export function createChatModel(options: ChatModelOptions): ChatOpenAI {
  return new ChatOpenAI({
    model: options.model,
    // A local server needs no key, but the client refuses to start without one.
    apiKey: options.apiKey ?? "not-needed",
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : {},
    timeout: options.timeoutMs,
    maxRetries: 0,
    temperature: options.temperature ?? 0,
    ...(options.maxTokens ? { maxTokens: options.maxTokens } : {}),
    // No `streaming: false` here: in @langchain/openai 1.x it sets disableStreaming, and .stream() would not stream.
    streamUsage: false,
  });
}

function toMessages(prompt: PromptMessages) {
  return [new SystemMessage(prompt.system), new HumanMessage(prompt.user)];
}

/**
 * The model's full reply text. With `onText`, the reply is streamed and each
 * text delta is passed on as it arrives.
 */
export async function complete(model: ChatOpenAI, prompt: PromptMessages, signal: AbortSignal, onText?: (delta: string) => void): Promise<string> {
  if (!onText) {
    const message = await abortable(model.invoke(toMessages(prompt), { signal }), signal);
    return message.text;
  }
  const read = async () => {
    let text = "";
    for await (const chunk of await model.stream(toMessages(prompt), { signal })) {
      const delta = chunk.text;
      if (!delta) continue;
      text += delta;
      onText(delta);
      // A runaway reply is refused by the parser anyway: stop reading it (leaving the loop closes the stream).
      if (text.length > MAX_MODEL_OUTPUT_CHARS) break;
    }
    return text;
  };
  return abortable(read(), signal);
}
