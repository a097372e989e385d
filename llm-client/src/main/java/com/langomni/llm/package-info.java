/**
 * Client side of the OpenAI-compatible API that vLLM, Ollama and llama.cpp's server speak ({@code openai}), and
 * the health and load of such backends read from their {@code /health} and {@code /metrics} ({@code backend}).
 * Shared by world-llm-service and npc-llm-service; no CDI beans live here.
 */
package com.langomni.llm;
