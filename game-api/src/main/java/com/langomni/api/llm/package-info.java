/** Status of the LLM backends behind world-llm-service and npc-llm-service. */
package com.langomni.api.llm;
